using Integration.Core.Agreements;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Agreements;

/// <summary>The agreements list into the Agreements table: the lookup, the Stockholm days, and every quarantine rule.</summary>
public class AgreementSyncTests(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    [Fact]
    public async Task AnAgreementIsStoredWithItsEnterpriseFromTheLookupColumnAndStockholmDays()
    {
        var enterprise = AddEnterprise("Gröna Hjärtat", NumberA);
        await SyncEnterprisesAsync();
        var id = AddAgreement(enterprise, type: "idéburet OFFENTLIGT partnerskap", value: 1250000.5);

        var counts = await SyncAgreementsAsync();

        Assert.Equal(1, counts.Created);
        var row = (await AgreementsAsync())[Id(id)];
        Assert.Equal(Id(enterprise), row.GetString("EnterpriseId"));
        Assert.Equal("Iop", row.GetString("AgreementType"));
        Assert.Equal(1250000.5, row.GetDouble("YearlyValue"));
        Assert.Equal("2026-03-15", row.GetString("StartDate"));
        Assert.Equal("2027-06-15", row.GetString("EndDate"));
        Assert.Equal("Arbetsmarknadsnämnden", row.GetString("BuyingBoard"));
        Reconciles(counts);
    }

    public static TheoryData<string, string?, object?, int, int, string> Refused => new()
    {
        { "unknown type", "Ramavtal", 1000, 0, 1, "AgreementType 'Ramavtal' is not one of the accepted values" },
        { "missing type", null, 1000, 0, 1, "AgreementType is missing." },
        { "negative value", "IOP", -1, 0, 1, "YearlyValue -1 SEK is negative." },
        { "above the ceiling", "Direct award", 5000001, 0, 1, "is above the ceiling of 5,000,000 SEK (Agreements__MaxYearlyValue)" },
        { "end before start", "Övrigt", 1000, 10, -1, "EndDate 2026-03-14 is before StartDate 2026-03-25." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ARefusedAgreementIsQuarantinedWithItsReason(string because, string? type, object? value, int startShift, int endShift, string reason)
    {
        Assert.NotNull(because);
        var enterprise = AddEnterprise("Gröna Hjärtat", NumberA);
        await SyncEnterprisesAsync();
        var id = AddAgreement(enterprise, type, value, Start.AddDays(startShift), Start.AddDays(endShift));

        var counts = await SyncAgreementsAsync();

        Assert.Equal(1, counts.Quarantined);
        Assert.Contains(reason, (await OpenQuarantineAsync(AgreementsModule.Source))[Id(id)].GetString("Reason"));
        Reconciles(counts);
    }

    [Fact]
    public async Task AnAgreementWithAnUnknownEnterpriseIsQuarantined()
    {
        var id = AddAgreement(42);

        var counts = await SyncAgreementsAsync();

        Assert.Equal(1, counts.Quarantined);
        Assert.Contains("Enterprise (item 42 of the enterprise list) is not in the register", (await OpenQuarantineAsync(AgreementsModule.Source))[Id(id)].GetString("Reason"));
    }

    [Fact]
    public async Task AnAgreementWithAQuarantinedEnterpriseIsQuarantined()
    {
        var enterprise = AddEnterprise("Trasig", "559900-0015");
        await SyncEnterprisesAsync();
        var id = AddAgreement(enterprise);

        await SyncAgreementsAsync();

        Assert.Contains("is in quarantine", (await OpenQuarantineAsync(AgreementsModule.Source))[Id(id)].GetString("Reason"));
    }

    [Fact]
    public async Task AnEnterpriseCorrectedLaterBringsItsAgreementsInWithoutAnEditOfTheirOwn()
    {
        var enterprise = AddEnterprise("Trasig", "559900-0015");
        var first = AddAgreement(enterprise);
        var second = AddAgreement(enterprise, type: "Reserverad upphandling");
        await SyncEnterprisesAsync("night-1");
        await SyncAgreementsAsync("night-1");
        Assert.Equal(2, (await OpenQuarantineAsync(AgreementsModule.Source)).Count);

        // The night the enterprise is corrected, the agreements may run first: they still wait.
        EnterpriseList.Update(enterprise, new Dictionary<string, object?> { ["OrganisationNumber"] = NumberA });
        var same = await SyncAgreementsAsync("night-2");
        await SyncEnterprisesAsync("night-2");
        Assert.Equal(0, same.Created);

        var next = await SyncAgreementsAsync("night-3");

        Assert.Equal(2, next.Read);
        Assert.Equal(2, next.Created);
        Assert.Empty(await OpenQuarantineAsync(AgreementsModule.Source));
        Assert.Equal([Id(first), Id(second)], (await AgreementsAsync()).Keys.Order());
        Reconciles(next);

        // The echo of the two problem texts cleared as they were taken in; then nothing.
        var echo = await SyncAgreementsAsync("night-4");
        Assert.Equal((2, 2), (echo.Read, echo.Unchanged));
        Harness.TableRequests.Reset();
        var quiet = await SyncAgreementsAsync("night-5");
        Assert.Equal(0, quiet.Read);
        Assert.Equal(0, Harness.TableRequests.Writes);
    }

    [Fact]
    public async Task EachRefusedAgreementSaysWhyInSwedishAndTheTextIsClearedWhenItIsFixed()
    {
        var enterprise = AddEnterprise("Gröna Hjärtat", NumberA);
        await SyncEnterprisesAsync();
        var backwards = AddAgreement(enterprise, start: new DateOnly(2026, 6, 1), end: new DateOnly(2026, 3, 1));
        var unknownType = AddAgreement(enterprise, type: "Ramavtal");
        var negative = AddAgreement(enterprise, value: -5);
        string? Problem(int id) => AgreementList.GetFields(id)!.GetValueOrDefault("DataProblem") as string;

        var first = await SyncAgreementsAsync("night-1");

        Assert.Equal((3, 3), (first.Quarantined, first.Extra["problemsWritten"]));
        Assert.Equal("Slutdatumet 2026-03-01 ligger före startdatumet 2026-06-01. Rätta något av dem.", Problem(backwards));
        Assert.Equal("Avtalsformen 'Ramavtal' finns inte. Välj en av: IOP, Reserverad upphandling, Direktupphandling, Övrigt.", Problem(unknownType));
        Assert.Equal("Årsvärdet är negativt. Skriv avtalets värde per år i kronor.", Problem(negative));

        AgreementList.Update(backwards, new Dictionary<string, object?> { ["EndDate"] = null });
        var fixedNight = await SyncAgreementsAsync("night-2");

        Assert.Equal((1, 1), (fixedNight.Created, fixedNight.Extra["problemsCleared"]));
        Assert.Null(Problem(backwards));
    }

    [Fact]
    public async Task ASecondNightWithoutChangeWritesNothing()
    {
        var enterprise = AddEnterprise("Gröna Hjärtat", NumberA);
        await SyncEnterprisesAsync();
        AddAgreement(enterprise);
        AddAgreement(enterprise, value: -5);
        AddAgreement(99);
        var first = await SyncAgreementsAsync("first");
        Reconciles(first);
        // The two refused agreements come back once, carrying the problem text the first night wrote on them.
        var echo = await SyncAgreementsAsync("echo");
        Assert.Equal((2, 2, 0), (echo.Read, echo.Quarantined, echo.Extra.GetValueOrDefault("problemsWritten")));
        Harness.TableRequests.Reset();

        var counts = await SyncAgreementsAsync("second");

        Assert.Equal(0, counts.Read);
        Assert.Equal(0, Harness.TableRequests.Writes);
    }
}
