using Azure.Data.Tables;
using Integration.Core.Indicators;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Agreements;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Indicators;

/// <summary>
/// The plan's own figures in the Indicators table, over the Graph stand-in and Azurite: plan items
/// synced and scanned as the night does it, then the Indicators step. The harness's clock stands at
/// 2026-11-27 10:00 in Stockholm.
/// </summary>
public class PlanFigureTests(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private Task<SyncRunRecord> RunStepAsync(string runId) => Harness.Get<IndicatorsStep>().RunAsync(runId, CancellationToken.None);

    private Task<IReadOnlyDictionary<string, double>> StoredAsync() =>
        Harness.Get<IndicatorStore>().LoadDayAsync(Today, CancellationToken.None);

    private async Task<Dictionary<string, Azure.ETag>> ETagsAsync()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Indicators);
        var rows = new Dictionary<string, Azure.ETag>();
        await foreach (var row in table.QueryAsync<TableEntity>()) rows[row.RowKey] = row.ETag;
        return rows;
    }

    /// <summary>
    /// Two overdue (two bodies), one due soon, one done, one cancelled, one far off, one whose due date
    /// was emptied (in quarantine, keeping its last good values); two goals naming an indicator, one of them met.
    /// </summary>
    private int _socialItem;

    private async Task NightAsync()
    {
        AddEnterprise("Gröna Hjärtat", NumberA);
        AddEnterprise("Kafé Kajen", NumberC, wise: false);
        await SyncEnterprisesAsync();
        Harness.List.Add(PlanItemSeed.Fields("Upphandlingsstöd", Anna, Today.AddDays(-10), body: "Arbetsmarknadsnämnden"));
        _socialItem = Harness.List.Add(PlanItemSeed.Fields("Dialogmöte", Anna, Today.AddDays(-3), PlanItemSeed.NotStarted, body: "Socialnämnden"));
        Harness.List.Add(PlanItemSeed.Fields("Kartläggning", Anna, Today.AddDays(3)));
        Harness.List.Add(PlanItemSeed.Fields("Utbildning", Anna, Today.AddDays(-30), PlanItemSeed.Done, goal: "Indikator: enterprises.total ≥ 2"));
        Harness.List.Add(PlanItemSeed.Fields("Inställd", Anna, Today.AddDays(-30), PlanItemSeed.Cancelled));
        Harness.List.Add(PlanItemSeed.Fields("Långsiktigt", Anna, Today.AddDays(200), goal: "Indikator: enterprises.wise ≥ 5"));
        var broken = Harness.List.Add(PlanItemSeed.Fields("Utan datum", Anna, Today.AddDays(60)));
        await Harness.SyncAsync("night-0");
        Harness.List.Update(broken, new Dictionary<string, object?> { ["DueDate"] = null });
        await Harness.SyncAsync();
        await Harness.ScanAsync();
    }

    [Fact]
    public async Task ThePlansFiguresJoinTheDaysRowsBesideTheRegisters()
    {
        await NightAsync();

        var record = await RunStepAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        var stored = await StoredAsync();
        Assert.Equal(2, stored["enterprises.total"]);
        var plan = stored.Where(s => s.Key.StartsWith("plan.", StringComparison.Ordinal)).ToDictionary();
        var expected = new Dictionary<string, double>
        {
            ["plan.items.total"] = 7,
            ["plan.items.open"] = 5,
            ["plan.items.done"] = 1,
            ["plan.items.overdue"] = 2,
            ["plan.items.dueSoon"] = 1,
            ["plan.items.quarantined"] = 1,
            ["plan.goals.total"] = 2,
            ["plan.goals.met"] = 1,
            ["plan.items.overdue.byBody.Arbetsmarknadsnämnden"] = 1,
            ["plan.items.overdue.byBody.Socialnämnden"] = 1,
        };
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), plan.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARerunTheSameDayChangesOnlyWhatChanged()
    {
        await NightAsync();
        await RunStepAsync("night-1");
        var before = await ETagsAsync();

        var unchanged = await RunStepAsync("night-2");
        Assert.Equal(0, unchanged.Counts["indicators"]);
        Assert.Equal(before, await ETagsAsync());

        // The Socialnämnden item is done: its body's overdue row goes, the totals change, the rest stays.
        Harness.List.Update(_socialItem, new Dictionary<string, object?> { ["Status"] = PlanItemSeed.Done });
        await Harness.SyncAsync("night-3");
        await Harness.ScanAsync();
        var changed = await RunStepAsync("night-3");

        var stored = await StoredAsync();
        Assert.False(stored.ContainsKey("plan.items.overdue.byBody.Socialnämnden"));
        Assert.Equal((1d, 2d, 4d), (stored["plan.items.overdue"], stored["plan.items.done"], stored["plan.items.open"]));
        Assert.Equal(1, changed.Counts["removed"]);
        var after = await ETagsAsync();
        Assert.Equal(before["enterprises.total"], after["enterprises.total"]);
        Assert.Equal(before["plan.items.total"], after["plan.items.total"]);
        Assert.NotEqual(before["plan.items.overdue"], after["plan.items.overdue"]);
    }
}
