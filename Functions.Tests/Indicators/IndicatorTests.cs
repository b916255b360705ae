using System.Text.Json;
using Azure.Data.Tables;
using Integration.Cli.RunOnce;
using Integration.Core.Agreements;
using Integration.Core.Indicators;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Agreements;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Indicators;

/// <summary>
/// The indicators over the Graph stand-in and Azurite: the enterprise and agreement lists synced
/// as the night syncs them, then the Indicators step. The harness's clock stands at
/// 2026-11-27 10:00 in Stockholm.
/// </summary>
public class IndicatorTests(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>
    /// Three enterprises (two meeting the criteria) and one in quarantine; five agreements: one
    /// active and new this year, one ended last year, one ending today, one starting next year,
    /// one that ended yesterday.
    /// </summary>
    private async Task SmallRegisterAsync()
    {
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        var b = AddEnterprise("Returbruket", NumberB);
        var c = AddEnterprise("Kafé Kajen", NumberC, wise: false);
        AddEnterprise("Trasig", "559900-0015");
        await SyncEnterprisesAsync();
        AddAgreement(a, "IOP", 250000, new DateOnly(2026, 3, 15), new DateOnly(2027, 6, 15), "Arbetsmarknadsnämnden");
        AddAgreement(a, "Reserverad upphandling", 400000, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), "Socialnämnden");
        AddAgreement(b, "Direktupphandling", 100000, new DateOnly(2025, 6, 1), Today, "Socialnämnden");
        AddAgreement(b, "IOP", 50000, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), "Arbetsmarknadsnämnden");
        AddAgreement(c, "Övrigt", 10000, new DateOnly(2026, 1, 10), Today.AddDays(-1), "Idrottsnämnden");
        await SyncAgreementsAsync();
    }

    private Task<SyncRunRecord> RunStepAsync(string runId) => Harness.Get<IndicatorsStep>().RunAsync(runId, CancellationToken.None);

    private async Task<List<TableEntity>> IndicatorRowsAsync()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Indicators);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private Task<IReadOnlyDictionary<string, double>> StoredAsync() =>
        Harness.Get<IndicatorStore>().LoadDayAsync(Today, CancellationToken.None);

    [Fact]
    public async Task TheFiguresOfASmallRegisterAreStoredForTheDay()
    {
        await SmallRegisterAsync();

        var record = await RunStepAsync("night");

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        var expected = new Dictionary<string, double>
        {
            ["enterprises.total"] = 3,
            ["enterprises.wise"] = 2,
            ["enterprises.withActiveAgreement"] = 2,
            ["agreements.active"] = 2,
            ["agreements.newThisYear"] = 2,
            ["agreements.byType.iop"] = 1,
            ["agreements.byType.directAward"] = 1,
            ["agreements.byType.reservedProcurement"] = 0,
            ["agreements.byType.other"] = 0,
            ["agreements.value.2025"] = 500000,
            ["agreements.value.2026"] = 360000,
            ["agreements.value.2027"] = 300000,
            ["agreements.value.byBoard.Arbetsmarknadsnämnden"] = 250000,
            ["agreements.value.byBoard.Socialnämnden"] = 100000,
            ["agreements.value.byBoard.Idrottsnämnden"] = 10000,
        };
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), (await StoredAsync()).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Count, record.Counts["indicators"]);
        Assert.All(await IndicatorRowsAsync(), row => Assert.Equal("2026-11-27", row.PartitionKey));
    }

    [Fact]
    public async Task ComputedTwiceTheSameDayTheDayKeepsOneRowPerIndicatorWithTheNewValues()
    {
        await SmallRegisterAsync();
        await RunStepAsync("night-1");
        var first = await IndicatorRowsAsync();

        var d = AddEnterprise("Nya Verkstan", "559900-0048");
        await SyncEnterprisesAsync("night-2");
        AddAgreement(d, "IOP", 75000, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), "Kulturnämnden");
        await SyncAgreementsAsync("night-2");
        var second = await RunStepAsync("night-2");

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        var rows = await IndicatorRowsAsync();
        Assert.Equal(first.Count + 1, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.PartitionKey, r.RowKey)).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => r.GetString(IndicatorStore.IndicatorColumn)).Distinct().Count());
        var stored = await StoredAsync();
        Assert.Equal(4, stored["enterprises.total"]);
        Assert.Equal(3, stored["agreements.active"]);
        Assert.Equal(435000, stored["agreements.value.2026"]);
        Assert.Equal(75000, stored["agreements.value.byBoard.Kulturnämnden"]);
    }

    [Fact]
    public async Task ARerunWithTheSameFiguresWritesNothing()
    {
        await SmallRegisterAsync();
        var first = await RunStepAsync("night-1");
        var before = (await IndicatorRowsAsync()).ToDictionary(r => r.RowKey, r => r.ETag);

        var second = await RunStepAsync("night-2");

        Assert.Equal((0, first.Counts["indicators"], 0), (second.Counts["indicators"], second.Counts["unchanged"], second.Counts["removed"]));
        Assert.Equal(before, (await IndicatorRowsAsync()).ToDictionary(r => r.RowKey, r => r.ETag));
    }

    [Fact]
    public async Task ARerunTheSameDayRemovesTheRowOfAnIndicatorThatIsGone()
    {
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        await SyncEnterprisesAsync();
        var agreement = AddAgreement(a, "IOP", 1000, board: "Kulturnämnden");
        await SyncAgreementsAsync();
        await RunStepAsync("night-1");
        Assert.Contains("agreements.value.byBoard.Kulturnämnden", (await StoredAsync()).Keys);

        AgreementList.Update(agreement, new Dictionary<string, object?> { ["BuyingBoard"] = "Idrottsnämnden" });
        await SyncAgreementsAsync("night-2");
        var second = await RunStepAsync("night-2");

        var stored = await StoredAsync();
        Assert.DoesNotContain("agreements.value.byBoard.Kulturnämnden", stored.Keys);
        Assert.Equal(1000, stored["agreements.value.byBoard.Idrottsnämnden"]);
        Assert.Equal(1, second.Counts["removed"]);
        Assert.Equal(stored.Count, (await IndicatorRowsAsync()).Count);
    }

    [Fact]
    public async Task AnAgreementInQuarantineIsNotCounted()
    {
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        await SyncEnterprisesAsync();
        AddAgreement(a, "IOP", 250000);
        var broken = AddAgreement(a, "Direktupphandling", 100000);
        await SyncAgreementsAsync();
        await RunStepAsync("night-1");
        Assert.Equal(2, (await StoredAsync())["agreements.active"]);

        // The stored row keeps its last good values, marked as in quarantine.
        AgreementList.Update(broken, new Dictionary<string, object?> { ["YearlyValue"] = -5 });
        var counts = await SyncAgreementsAsync("night-2");
        Assert.Equal(1, counts.Quarantined);
        Assert.True((await AgreementsAsync())[Id(broken)].GetBoolean("InQuarantine"));
        await RunStepAsync("night-2");

        var stored = await StoredAsync();
        Assert.Equal(1, stored["agreements.active"]);
        Assert.Equal(0, stored["agreements.byType.directAward"]);
        Assert.Equal(250000, stored["agreements.value.2026"]);
    }

    [Fact]
    public async Task WithoutTheEnterpriseAndAgreementListsTheStepIsSkipped()
    {
        var settings = new Dictionary<string, string?> { ["SharePoint:Lists:Enterprises"] = null, ["SharePoint:Lists:Agreements"] = null };
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: settings);

        var record = await harness.Get<IndicatorsStep>().RunAsync("night", CancellationToken.None);

        Assert.Equal(SyncRunStatus.Skipped, record.Status);
    }

    [Fact]
    public async Task RunOnceJsonCarriesTheIndicators()
    {
        // run-once has its own host and the real clock: the agreements are placed around the real today.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegrationHarness.Stockholm).DateTime);
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        AddEnterprise("Kafé Kajen", NumberC, wise: false);
        // All new on the first night: the agreements wait for the night's enterprises, so none waits in quarantine.
        AddAgreement(a, "IOP", 250000, today.AddDays(-10), today.AddDays(300));
        AddAgreement(a, "Reserved procurement", 100000, today.AddDays(-20), today.AddDays(100));

        var summary = await new RunOnceRunner(Harness.Configuration, verbose: false, _ => { }) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

        Assert.Equal(SyncRunStatus.Succeeded, summary.Step(IndicatorsStep.Step).Status);
        var agreements = summary.Sources.Single(s => s.Source == AgreementsModule.Source);
        Assert.Equal((2, 0), (agreements.Created, agreements.Quarantined));
        using var json = JsonDocument.Parse(SummaryPrinter.ToJson(summary));
        var indicators = json.RootElement.GetProperty("indicators");
        Assert.Equal(JsonValueKind.Number, indicators.GetProperty("enterprises.wise").ValueKind);
        Assert.Equal(2, indicators.GetProperty("enterprises.total").GetDouble());
        Assert.Equal(1, indicators.GetProperty("enterprises.wise").GetDouble());
        Assert.Equal(1, indicators.GetProperty("enterprises.withActiveAgreement").GetDouble());
        Assert.Equal(2, indicators.GetProperty("agreements.active").GetDouble());
        Assert.Equal(1, indicators.GetProperty("agreements.byType.reservedProcurement").GetDouble());
        Assert.Equal(350000, indicators.GetProperty($"agreements.value.{today.Year}").GetDouble());
        Assert.Equal("succeeded", json.RootElement.GetProperty("indicatorsStep").GetProperty("status").GetString());
    }
}
