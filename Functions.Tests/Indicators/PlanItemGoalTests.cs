using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.Indicators;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Agreements;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Indicators;

/// <summary>
/// Plan items whose Goal names an indicator, over the Graph stand-in and Azurite: the plan items,
/// enterprises and agreements synced as the night syncs them, then the Indicators step, which puts
/// each goal against the day's figure in the PlanItems table and in SharePoint's IndicatorValue column.
/// </summary>
public class PlanItemGoalTests(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private int AddGoal(string title, string goal) =>
        Harness.List.Add(PlanItemSeed.Fields(title, Anna, Today.AddDays(90), goal: goal));

    private string? InSharePoint(int id) => Harness.List.GetFields(id)?.GetValueOrDefault("IndicatorValue")?.ToString();

    private int Patches => Harness.Graph.Requests.Count("PATCH", "/fields");

    private Task<SyncRunRecord> RunStepAsync(string runId) => Harness.Get<IndicatorsStep>().RunAsync(runId, CancellationToken.None);

    /// <summary>Two enterprises with an agreement active today, one without.</summary>
    private async Task RegisterAsync()
    {
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        var b = AddEnterprise("Returbruket", NumberB);
        AddEnterprise("Kafé Kajen", NumberC, wise: false);
        await SyncEnterprisesAsync();
        AddAgreement(a, "IOP", 250000, new DateOnly(2026, 3, 15), new DateOnly(2027, 6, 15), "Arbetsmarknadsnämnden");
        AddAgreement(b, "Direktupphandling", 100000, new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31), "Socialnämnden");
        await SyncAgreementsAsync();
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The PlanItems rows as stored, the goal's columns included (the entity type does not carry them).</summary>
    private static async Task<Dictionary<string, TableEntity>> RowsAsync(IntegrationHarness harness)
    {
        var table = await harness.Get<IntegrationStorage>().TableAsync(TableNames.PlanItems);
        var rows = new Dictionary<string, TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition)) rows[row.RowKey] = row;
        return rows;
    }

    private Task<Dictionary<string, TableEntity>> RowsAsync() => RowsAsync(Harness);

    [Fact]
    public async Task AGoalNamingAnIndicatorThatDoesNotExistIsAWarningOnTheItemOnceTheSeriesHasYesterdaysFigures()
    {
        await RegisterAsync();
        var unknown = AddGoal("Dialogmöten", "Indikator: genomförda dialogmöten ≥ 3");
        var known = AddGoal("Fler företag med avtal", "Indikator: Enterprises.WithActiveAgreement ≥ 2");
        await Harness.SyncAsync("night-1");
        // Before the first figures nothing is known, so nothing is said.
        Assert.Null(Harness.List.GetFields(unknown)!.GetValueOrDefault("DataProblem"));
        await RunStepAsync("night-1");
        // The next day, the series holds yesterday's figures: every run of a day checks against the same.
        Harness.Time.Advance(TimeSpan.FromDays(1));

        Harness.List.Update(unknown, new Dictionary<string, object?> { ["Title"] = "Dialogmöten med Arbetsförmedlingen" });
        Harness.List.Update(known, new Dictionary<string, object?> { ["Title"] = "Fler sociala företag med avtal" });
        var counts = await Harness.SyncAsync("night-2");

        Assert.Equal((2, 1), (counts.Updated, counts.Extra["warnings"]));
        Assert.StartsWith("Målet nämner indikatorn 'genomförda dialogmöten', som inte finns.", Harness.List.GetFields(unknown)!["DataProblem"] as string, StringComparison.Ordinal);
        Assert.Null(Harness.List.GetFields(known)!.GetValueOrDefault("DataProblem"));
    }

    [Fact]
    public async Task EachGoalGetsItsValueAgainstItsTargetInTheTableAndInSharePoint()
    {
        await RegisterAsync();
        var withAgreement = AddGoal("Fler företag med avtal", "Fler sociala företag får avtal med staden.\nIndikator: enterprises.withActiveAgreement ≥ 2");
        var value = AddGoal("Större inköp", "Indikator: agreements.value.2026 ≥ 1 000 000 kr");
        var plain = AddGoal("Inget mått", "Andel inköp från sociala företag");
        await Harness.SyncAsync();

        var record = await RunStepAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        Assert.Equal("2 (mål ≥ 2, uppnått)", InSharePoint(withAgreement));
        Assert.Equal("350 000 (mål ≥ 1 000 000, ej uppnått)", InSharePoint(value));
        Assert.Null(InSharePoint(plain));
        var stored = await RowsAsync();
        var row = stored[Key(withAgreement)];
        Assert.Equal(("enterprises.withActiveAgreement", "≥ 2", 2d, true), (row.GetString("IndicatorName"), row.GetString("IndicatorTarget"), row.GetDouble("IndicatorCurrent")!.Value, row.GetBoolean("IndicatorMet")!.Value));
        Assert.Equal("2 (mål ≥ 2, uppnått)", row.GetString("IndicatorValue"));
        Assert.Equal((350000d, false), (stored[Key(value)].GetDouble("IndicatorCurrent")!.Value, stored[Key(value)].GetBoolean("IndicatorMet")!.Value));
        Assert.Null(stored[Key(plain)].GetString("IndicatorValue"));
        Assert.Equal((2, 1, 2, 0, 0), (record.Counts["goals"], record.Counts["goalsMet"], record.Counts["goalValuesWritten"], record.Counts["goalProblems"], record.Counts["goalWriteFailures"]));
    }

    [Fact]
    public async Task ASecondRunTheSameDayWritesNothingAndTheEchoOfTheWriteIsUnchanged()
    {
        await RegisterAsync();
        AddGoal("Fler företag med avtal", "Indikator: enterprises.withActiveAgreement ≥ 25");
        await Harness.SyncAsync("night-1");
        await RunStepAsync("night-1");
        var patches = Patches;
        var before = await RowsAsync();

        var echo = await Harness.SyncAsync("night-2");
        var second = await RunStepAsync("night-2");

        Assert.Equal(0, echo.Created + echo.Updated);
        Assert.Equal(0, second.Counts["goalValuesWritten"]);
        Assert.Equal(patches, Patches);
        var after = await RowsAsync();
        Assert.Equal(before.Values.Select(r => r.ETag), after.Values.Select(r => r.ETag));
    }

    [Fact]
    public async Task ANewFigureIsWrittenAgainAndTheOverdueScanKeepsTheColumns()
    {
        await RegisterAsync();
        var id = Harness.List.Add(PlanItemSeed.Fields("Försenad med mål", Anna, Today.AddDays(-3), goal: "Indikator: enterprises.total ≥ 4"));
        await Harness.SyncAsync("night-1");
        await RunStepAsync("night-1");
        Assert.Equal("3 (mål ≥ 4, ej uppnått)", InSharePoint(id));

        AddEnterprise("Nya Verkstan", "559900-0048");
        await SyncEnterprisesAsync("night-2");
        await Harness.SyncAsync("night-2");
        await Harness.ScanAsync();
        var second = await RunStepAsync("night-2");
        await Harness.ScanAsync();

        Assert.Equal(1, second.Counts["goalValuesWritten"]);
        Assert.Equal("4 (mål ≥ 4, uppnått)", InSharePoint(id));
        var row = (await RowsAsync())[Key(id)];
        Assert.Equal(("Overdue", "4 (mål ≥ 4, uppnått)", true), (row.GetString("Flag"), row.GetString("IndicatorValue"), row.GetBoolean("IndicatorMet")!.Value));
    }

    [Fact]
    public async Task AGoalThatCannotBeReadOrNamesNoIndicatorIsReportedAndExplainedInTheColumn()
    {
        await RegisterAsync();
        var unknown = AddGoal("Okänt mått", "Indikator: enterprises.happy ≥ 10");
        var unreadable = AddGoal("Oläsligt mått", "Indikator: enterprises.total är minst tio");
        await Harness.SyncAsync();

        var record = await RunStepAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        Assert.Equal("Okänd indikator: enterprises.happy", InSharePoint(unknown));
        Assert.StartsWith("Målet kan inte läsas", InSharePoint(unreadable), StringComparison.Ordinal);
        Assert.Equal(2, record.Counts["goalProblems"]);
        Assert.Equal([Key(unknown), Key(unreadable)], record.Ids["planItemsWithGoalProblem"].Order(StringComparer.Ordinal));
        Assert.Equal("", (await RowsAsync())[Key(unknown)].GetString("IndicatorName"));
    }

    [Fact]
    public async Task AGoalThatNoLongerNamesAnIndicatorHasTheColumnCleared()
    {
        await RegisterAsync();
        var id = AddGoal("Fler företag med avtal", "Indikator: enterprises.withActiveAgreement ≥ 25");
        await Harness.SyncAsync("night-1");
        await RunStepAsync("night-1");
        Assert.NotNull(InSharePoint(id));

        Harness.List.Update(id, new Dictionary<string, object?> { ["Goal"] = "Fler sociala företag får avtal" });
        await Harness.SyncAsync("night-2");
        var second = await RunStepAsync("night-2");

        Assert.Equal(1, second.Counts["goalValuesWritten"]);
        Assert.Equal(0, second.Counts["goals"]);
        Assert.True(string.IsNullOrEmpty(InSharePoint(id)));
        Assert.Equal("", (await RowsAsync())[Key(id)].GetString("IndicatorValue"));
    }

    [Fact]
    public async Task AMisnamedColumnFailsTheStepWithTheSettingNamedAndWritesNothing()
    {
        var settings = new Dictionary<string, string?>(Settings!) { ["SharePoint:Fields:PlanItems:IndicatorValue"] = "Indikatorvarde" };
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: settings);
        var owner = harness.Site.EnsureUser("Anna Lindqvist", "anna.lindqvist@natverket.example");
        harness.List.Add(PlanItemSeed.Fields("Mål", owner, Today.AddDays(30), goal: "Indikator: enterprises.total ≥ 1"));
        await harness.SyncAsync();

        var record = await harness.Get<IndicatorsStep>().RunAsync("night", CancellationToken.None);

        Assert.Equal(SyncRunStatus.Failed, record.Status);
        Assert.Contains("SharePoint__Fields__PlanItems__IndicatorValue", record.Detail, StringComparison.Ordinal);
        Assert.Contains("'IndicatorValue'", record.Detail, StringComparison.Ordinal);
        Assert.Equal(0, harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Null((await RowsAsync(harness)).Values.Single().GetString("IndicatorValue"));
    }
}
