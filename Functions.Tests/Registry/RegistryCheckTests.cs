using Azure.Data.Tables;
using Integration.Core.Enterprises;
using Integration.Core.Notifications;
using Integration.Core.Registry;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Registry;
using Integration.Functions.Tests.Agreements;
using Integration.Functions.Tests.Enterprises;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Registry;

/// <summary>
/// The registry check in the Enterprises step, over HTTP against the Graph stand-in (the enterprise and
/// agreement lists), the Bolagsverket stand-in and Azurite: the weekly cache, a changed number, the
/// register warning, and an outage.
/// </summary>
public sealed class RegistryCheckTests(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    private const string ClientId = "natverket-registry";
    private const string Secret = "registry-secret-value";

    private BolagsverketStandIn _registry = null!;

    protected override bool AllowPersonalIdentityNumbers => true;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Registry:BaseUrl"] = _registry.BaseUrl.ToString(),
        ["Registry:TokenUrl"] = _registry.TokenUrl.ToString(),
        ["Registry:ClientId"] = ClientId,
        ["Registry:ClientSecret"] = Secret,
        // The pacing waits on the app's clock, which the test moves (NightAsync): a short interval keeps that quick.
        ["Registry:RequestsPerMinute"] = "6000",
    };

    public override async Task InitializeAsync()
    {
        _registry = await BolagsverketStandIn.StartAsync(ClientId, Secret);
        _registry.Add(new RegisteredCompany(NumberA, "Gröna Hjärtat Ekonomisk Förening"));
        _registry.Add(new RegisteredCompany(NumberB, "Kafé Trappan AB"));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _registry.DisposeAsync();
    }

    /// <summary>The Enterprises step, with the app's clock moving so the registry's pacing lets each lookup go.</summary>
    private async Task<SyncCounts> NightAsync(string runId)
    {
        var work = SyncEnterprisesAsync(runId);
        while (!work.IsCompleted)
        {
            Harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(work, Task.Delay(20));
        }

        return await work;
    }

    private async Task<Dictionary<string, TableEntity>> AnswersAsync() => await RowsAsync(TableNames.RegistryAnswers, RegistryCheck.Partition);

    private async Task<List<NotificationMessage>> WarningsAsync() =>
        (await Harness.PeekNotificationsAsync()).Where(m => m.Event == NotificationEvents.RegisterWarning).ToList();

    [Fact]
    public async Task EachEnterpriseIsLookedUpOnceThenNotAgainWithinAWeekThenAgainAfterAWeek()
    {
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        var b = AddEnterprise("Kafé Trappan", NumberB);
        AddEnterprise("Cykelverkstan", PersonalNumber);

        var first = await NightAsync("night-1");

        // The sole trader is not looked up: its personal identity number is never sent.
        Assert.Equal(2, first.Extra["registryLookups"]);
        Assert.Equal(0, first.Extra["registryCached"]);
        Assert.Equal(0, first.Extra["registryFailed"]);
        Assert.Null(first.Detail);
        Assert.Equal(2, _registry.Requests.Lookups);
        Assert.DoesNotContain(_registry.Requests.All, r => r.Identity?.Contains("811218", StringComparison.Ordinal) == true);
        var answers = await AnswersAsync();
        Assert.Equal([Id(a), Id(b)], answers.Keys.Order());
        Assert.Equal(NumberA, answers[Id(a)].GetString("OrganisationNumber"));
        Assert.Equal("Registered", answers[Id(a)].GetString("Status"));
        Assert.Equal("Gröna Hjärtat Ekonomisk Förening", answers[Id(a)].GetString("Name"));
        Assert.True(answers[Id(a)].GetDateTimeOffset("ReadAt") >= new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

        Harness.Time.Advance(TimeSpan.FromDays(1));
        var second = await NightAsync("night-2");

        Assert.Equal(0, second.Extra["registryLookups"]);
        Assert.Equal(2, second.Extra["registryCached"]);
        Assert.Equal(2, _registry.Requests.Lookups);

        Harness.Time.Advance(TimeSpan.FromDays(7));
        var weekLater = await NightAsync("night-9");

        Assert.Equal(2, weekLater.Extra["registryLookups"]);
        Assert.Equal(4, _registry.Requests.Lookups);
    }

    [Fact]
    public async Task AChangedNumberIsLookedUpAgainAtOnce()
    {
        var id = AddEnterprise("Gröna Hjärtat", NumberA);
        await NightAsync("night-1");
        EnterpriseList.Update(id, new Dictionary<string, object?> { ["OrganisationNumber"] = NumberB });
        Harness.Time.Advance(TimeSpan.FromDays(1));

        var counts = await NightAsync("night-2");

        Assert.Equal(1, counts.Extra["registryLookups"]);
        Assert.Equal(0, counts.Extra["registryCached"]);
        Assert.Equal(2, _registry.Requests.Lookups);
        var answer = (await AnswersAsync())[Id(id)];
        Assert.Equal(NumberB, answer.GetString("OrganisationNumber"));
        Assert.Equal("Kafé Trappan AB", answer.GetString("Name"));
    }

    [Fact]
    public async Task ADeregisteredEnterpriseWithAnActiveAgreementYieldsOneWarningAndOnlyThoseWithOne()
    {
        _registry.Add(new RegisteredCompany(NumberC, "Gamla Tryckeriet AB")
        {
            DeregisteredOn = new DateOnly(2026, 10, 1),
            DeregistrationReason = ("LIAV", "Likvidation"),
        });
        const string Bankrupt = "559900-0048";
        _registry.Add(new RegisteredCompany(Bankrupt, "Konkursboet AB") { Proceedings = [("KK", "Konkurs", new DateOnly(2026, 9, 1))] });
        var deregistered = AddEnterprise("Tryckeriet", NumberC);
        var ended = AddEnterprise("Konkursboet", Bankrupt);
        var healthy = AddEnterprise("Gröna Hjärtat", NumberA);
        await NightAsync("night-1");
        AddAgreement(deregistered);
        AddAgreement(deregistered, type: "Reserverad upphandling");
        AddAgreement(ended, start: new DateOnly(2025, 1, 1), end: new DateOnly(2025, 12, 31));
        AddAgreement(healthy);

        // The agreements' step works the warnings out again from the stored answers: agreements
        // taken in after the lookup, the same night, bring theirs that night.
        var counts = await SyncAgreementsAsync("night-1");

        Assert.Equal(1, counts.Extra["registerWarnings"]);
        var warning = Assert.Single(await WarningsAsync());
        Assert.Equal($"Enterprises:{Id(deregistered)}:RegisterWarning:Deregistered", warning.EventId);
        Assert.Equal(EnterprisesModule.Source, warning.Source);
        Assert.Equal(Id(deregistered), warning.ItemId);
        Assert.Equal("Tryckeriet", warning.Title);
        Assert.Null(warning.RecipientLookupId);
        var facts = warning.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(NumberC, facts["Organisationsnummer"]);
        Assert.Equal("Avregistrerad", facts["Status i registret"]);
        Assert.Equal("2026-10-01", facts["Sedan"]);
        Assert.Equal("Gamla Tryckeriet AB", facts["Namn i registret"]);
        Assert.Equal("2", facts["Aktiva avtal"]);

        Harness.Time.Advance(TimeSpan.FromDays(1));
        var rerun = await NightAsync("night-2");
        var rerunAgreements = await SyncAgreementsAsync("night-2");

        Assert.Equal(0, rerun.Extra["registerWarnings"]);
        Assert.Equal(0, rerunAgreements.Extra["registerWarnings"]);
        Assert.Single(await WarningsAsync());
    }

    [Fact]
    public async Task AnEnterpriseDeregisteredLaterIsWarnedAboutByTheEnterprisesStep()
    {
        // Not in the register at first: an answer, but no warning.
        var id = AddEnterprise("Tryckeriet", NumberC);
        await NightAsync("night-1");
        AddAgreement(id);
        Assert.Equal(0, (await SyncAgreementsAsync("night-1")).Extra["registerWarnings"]);

        _registry.Add(new RegisteredCompany(NumberC, "Gamla Tryckeriet AB") { DeregisteredOn = new DateOnly(2026, 12, 1) });
        Harness.Time.Advance(TimeSpan.FromDays(8));
        var counts = await NightAsync("night-9");

        Assert.Equal(1, counts.Extra["registryLookups"]);
        Assert.Equal(1, counts.Extra["registerWarnings"]);
        Assert.Equal($"Enterprises:{Id(id)}:RegisterWarning:Deregistered", Assert.Single(await WarningsAsync()).EventId);
    }

    [Fact]
    public async Task AnEnterpriseInLiquidationWarnsButOneInReconstructionDoesNot()
    {
        const string Reconstruction = "559900-0048";
        _registry.Add(new RegisteredCompany(NumberC, "Likvidationen AB") { Proceedings = [("LI", "Likvidation", new DateOnly(2026, 11, 2))] });
        _registry.Add(new RegisteredCompany(Reconstruction, "Rekonstruktionen AB") { Proceedings = [("FR", "Företagsrekonstruktion", new DateOnly(2026, 11, 3))] });
        var liquidation = AddEnterprise("Likvidationen", NumberC);
        var reconstruction = AddEnterprise("Rekonstruktionen", Reconstruction);
        await NightAsync("night-1");
        AddAgreement(liquidation);
        AddAgreement(reconstruction);

        var counts = await SyncAgreementsAsync("night-1");

        Assert.Equal(1, counts.Extra["registerWarnings"]);
        var warning = Assert.Single(await WarningsAsync());
        Assert.Equal($"Enterprises:{Id(liquidation)}:RegisterWarning:InLiquidation", warning.EventId);
        var facts = warning.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(("I likvidation", "2026-11-02"), (facts["Status i registret"], facts["Sedan"]));
    }

    [Fact]
    public async Task ARegistryOutageIsCountedDoesNotFailTheStepAndIsRetriedTheNextNight()
    {
        AddEnterprise("Gröna Hjärtat", NumberA);
        AddEnterprise("Kafé Trappan", NumberB);
        _registry.Faults.ServerError(count: 1000);

        var outage = await NightAsync("night-1");

        Assert.Equal(2, outage.Created);
        Assert.Equal(0, outage.Extra["registryLookups"]);
        Assert.Equal(2, outage.Extra["registryFailed"]);
        Assert.Equal(2, outage.Ids["registryFailed"].Count);
        Assert.Empty(await AnswersAsync());

        _registry.Faults.Clear();
        Harness.Time.Advance(TimeSpan.FromDays(1));
        var next = await NightAsync("night-2");

        Assert.Equal(2, next.Extra["registryLookups"]);
        Assert.Equal(0, next.Extra["registryFailed"]);
        Assert.Equal(2, (await AnswersAsync()).Count);
    }
}

/// <summary>Without <c>Registry__BaseUrl</c> the Enterprises step runs, and reports the check as skipped.</summary>
public sealed class RegistryCheckUnconfiguredTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    [Fact]
    public async Task WithoutARegistryTheCheckIsSkippedAndReportedSo()
    {
        AddEnterprise("Gröna Hjärtat", NumberA);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Created);
        Assert.Equal(RegistryCheck.SkippedDetail, counts.Detail);
        Assert.Equal(0, counts.Extra["registryLookups"]);
        Assert.Equal(0, counts.Extra["registryFailed"]);
        var step = await Harness.Get<SourceSyncHandler>().HandleAsync(new SyncSourceMessage("night", EnterprisesModule.Source), null!, CancellationToken.None);
        Assert.Equal(SyncRunStatus.Succeeded, step.Status);
        Assert.Equal("registry check skipped (Registry__BaseUrl is not set)", step.Detail);
    }
}
