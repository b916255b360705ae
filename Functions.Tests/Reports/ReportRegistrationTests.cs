using Integration.Core.Reports;
using Integration.Core.Sync;
using Integration.Emulators.CaseSystem;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Reports;

/// <summary>
/// <c>Reports__RegisterInCaseSystem=true</c> against the SIF stand-in: the week's report becomes one
/// document on the network's case, found again by its marker on a rerun.
/// </summary>
public abstract class ReportCaseSystemTest(AzuriteFixture azurite) : ReportTest(azurite)
{
    protected const string NetworkCase = "AMN 2021-0112-1.4";
    private const string ApiKey = "sif-report-key";

    private SifStandIn _sif = null!;

    protected SifStandIn Sif => _sif;

    protected abstract bool Register { get; }

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["SharePoint:Libraries:Reports"] = "Lägesrapporter",
        ["CaseSystem:BaseUrl"] = _sif.BaseUrl.ToString(),
        ["CaseSystem:ApiKey"] = ApiKey,
        ["CaseSystem:NetworkCaseNumber"] = NetworkCase,
        ["Reports:RegisterInCaseSystem"] = Register ? "true" : "false",
    };

    public override async Task InitializeAsync()
    {
        _sif = await SifStandIn.StartAsync(ApiKey);
        _sif.AddCase(NetworkCase, "Nätverket för arbetsintegrerande sociala företag", "ALLM", "B");
        await base.InitializeAsync();
        Harness.Site.AddDocumentLibrary("Lägesrapporter");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _sif.DisposeAsync();
    }

    protected Task<SyncRunRecord> RunAsync(string runId) => Harness.Get<StatusReportStep>().RunAsync(runId, CancellationToken.None, Week49);
}

public class ReportRegistrationTests(AzuriteFixture azurite) : ReportCaseSystemTest(azurite)
{
    protected override bool Register => true;

    [Fact]
    public async Task TheWeeksReportIsRegisteredOnceOnTheNetworksCase()
    {
        await TwoNightsAsync();

        var first = await RunAsync("monday-1");
        Harness.Time.Advance(TimeSpan.FromHours(3));
        var second = await RunAsync("monday-2");

        Assert.Equal((SyncRunStatus.Succeeded, SyncRunStatus.Succeeded), (first.Status, second.Status));
        Assert.Equal((1, 0, 1), (first.Counts["reportRegistered"], second.Counts["reportRegistered"], second.Counts["reportAlreadyRegistered"]));
        var document = Assert.Single(Sif.Documents, d => d.CaseNumber == NetworkCase);
        Assert.Equal("Lägesrapport vecka 49, 2026 – handlingsplanen för arbetsintegrerande sociala företag", document.Title);
        Assert.Equal(ReportRegistration.Marker(Week49), document.AdditionalFields["ExternalReference"]);
        var file = Assert.Single(document.Files);
        Assert.Equal(("Lägesrapport 2026-v49", "pdf", (long)first.Counts["bytes"]), (file.Title, file.Format?.ToLowerInvariant(), file.Length));
        Assert.Contains(document.DocumentNumber, first.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedRegistrationFailsTheStepAndTheNextRunRegistersOnce()
    {
        await TwoNightsAsync();
        Sif.Faults.Unavailable(null, count: 10, retryAfter: TimeSpan.Zero);

        var refused = await RunAsync("monday-1");
        Sif.Faults.Clear();
        var again = await RunAsync("monday-2");

        Assert.Equal(SyncRunStatus.Failed, refused.Status);
        Assert.Contains("not registered", refused.Detail, StringComparison.Ordinal);
        Assert.Equal((SyncRunStatus.Succeeded, 1), (again.Status, again.Counts["reportRegistered"]));
        Assert.Single(Sif.Documents, d => d.CaseNumber == NetworkCase);
    }

    [Fact]
    public async Task ACreateWhoseAnswerWasLostIsFoundByItsMarkerAndNotMadeAgain()
    {
        await TwoNightsAsync();
        Sif.Faults.LoseAnswer("CreateDocument");

        var lost = await RunAsync("monday-1");
        var again = await RunAsync("monday-2");

        Assert.Equal(SyncRunStatus.Failed, lost.Status);
        Assert.Equal((SyncRunStatus.Succeeded, 0, 1), (again.Status, again.Counts["reportRegistered"], again.Counts["reportAlreadyRegistered"]));
        Assert.Single(Sif.Documents, d => d.CaseNumber == NetworkCase);
    }
}

/// <summary>With the setting off (the default) nothing goes to the case system.</summary>
public class ReportNotRegisteredTests(AzuriteFixture azurite) : ReportCaseSystemTest(azurite)
{
    protected override bool Register => false;

    [Fact]
    public async Task WithoutTheSettingNoDocumentIsMade()
    {
        await TwoNightsAsync();

        var record = await RunAsync("monday-1");

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        Assert.False(record.Counts.ContainsKey("reportRegistered"));
        Assert.Empty(Sif.Documents);
    }
}

/// <summary>The setting on, the case system not configured: the step fails and names the keys.</summary>
public class ReportRegistrationWithoutCaseSystemTests(AzuriteFixture azurite) : ReportTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["SharePoint:Libraries:Reports"] = "Lägesrapporter",
        ["Reports:RegisterInCaseSystem"] = "true",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Harness.Site.AddDocumentLibrary("Lägesrapporter");
    }

    [Fact]
    public async Task TheStepFailsAndNamesTheCaseSystemKeys()
    {
        var record = await Harness.Get<StatusReportStep>().RunAsync("monday-1", CancellationToken.None, Week49);

        Assert.Equal(SyncRunStatus.Failed, record.Status);
        Assert.Contains("CaseSystem__BaseUrl", record.Detail, StringComparison.Ordinal);
        Assert.Equal(1, record.Counts["uploaded"]);
    }
}
