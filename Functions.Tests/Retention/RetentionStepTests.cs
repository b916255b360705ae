using Azure.Data.Tables;
using Integration.Core.Retention;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Retention;

/// <summary>
/// The retention step against Azurite, on the fake clock: run records and resolved quarantine
/// entries older than <c>Retention__Days</c> go; recent ones and open entries stay; a rerun deletes nothing.
/// </summary>
public class RetentionStepTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Source = "PlanItems";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Retention:Days"] = "30" };

    private SyncRunStore Runs => Harness.Get<SyncRunStore>();

    /// <summary>A night started now on the fake clock, with one step recorded, and its quarantine entries.</summary>
    private async Task<string> NightAsync(params (string Item, bool Resolve)[] quarantined)
    {
        var run = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        await Runs.SaveAsync(new SyncRunRecord(run.RunId, "OverdueScan", SyncRunStatus.Succeeded, null, SyncRunRecord.NoCounts, 1), CancellationToken.None);
        var quarantine = Harness.Get<QuarantineStore>();
        await quarantine.AddAsync([.. quarantined.Select(q => new QuarantinedItem(Source, q.Item, "no due date", "{}"))], run.RunId, new Dictionary<string, string>(), CancellationToken.None);
        await quarantine.ResolveAsync(Source, [.. quarantined.Where(q => q.Resolve).Select(q => q.Item)], run.RunId, CancellationToken.None);
        return run.RunId;
    }

    private async Task<List<string>> QuarantineIdsAsync()
    {
        var ids = new List<string>();
        await foreach (var row in Harness.Get<QuarantineStore>().ListAsync(Source)) ids.Add(row.GetString("ItemId"));
        return ids;
    }

    [Fact]
    public async Task OldRunRecordsAndOldResolvedEntriesGoRecentOnesAndOpenEntriesStay()
    {
        var old = await NightAsync(("old-resolved", true), ("old-open", false));
        Harness.Time.Advance(TimeSpan.FromDays(20));
        var recent = await NightAsync(("recent-resolved", true));
        Harness.Time.Advance(TimeSpan.FromDays(15));

        var record = await Harness.Get<RetentionStep>().RunAsync(runId: null, CancellationToken.None);

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        Assert.Equal(1, record.Counts["runsDeleted"]);
        Assert.Equal(1, record.Counts["quarantineDeleted"]);
        Assert.Empty(await Runs.ListAsync(old, CancellationToken.None));
        Assert.NotEmpty(await Runs.ListAsync(recent, CancellationToken.None));
        Assert.DoesNotContain(old, (await Runs.RecentNightsAsync(10, CancellationToken.None)).Select(n => n.RunId));
        Assert.Contains(recent, (await Runs.RecentNightsAsync(10, CancellationToken.None)).Select(n => n.RunId));
        Assert.Equal(["old-open", "recent-resolved"], (await QuarantineIdsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARerunTheNextNightDeletesNothing()
    {
        await NightAsync(("old-resolved", true));
        Harness.Time.Advance(TimeSpan.FromDays(31));
        var first = await Harness.Get<RetentionStep>().RunAsync(runId: null, CancellationToken.None);
        Harness.Time.Advance(TimeSpan.FromDays(1));

        var second = await Harness.Get<RetentionStep>().RunAsync(runId: null, CancellationToken.None);

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(1, first.Counts["runsDeleted"]);
        Assert.Equal(0, second.Counts["runsDeleted"]);
        Assert.Equal(0, second.Counts["quarantineDeleted"]);
        Assert.NotNull(await Runs.GetAsync(first.RunId, RetentionStep.Step, CancellationToken.None));
    }

    [Fact]
    public async Task AnEntryResolvedRecentlyStaysHoweverLongAgoItWasFirstQuarantined()
    {
        var run = await NightAsync(("long-open", false));
        Harness.Time.Advance(TimeSpan.FromDays(40));
        await Harness.Get<QuarantineStore>().ResolveAsync(Source, ["long-open"], run, CancellationToken.None);

        var record = await Harness.Get<RetentionStep>().RunAsync(runId: null, CancellationToken.None);

        Assert.Equal(0, record.Counts["quarantineDeleted"]);
        Assert.Equal(["long-open"], await QuarantineIdsAsync());
    }

    [Fact]
    public async Task ManyOldRunsAreDeletedInBatchesPerPartition()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.SyncRuns, CancellationToken.None);
        var rows = Enumerable.Range(0, 150).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("20240101T020000Z-0001", $"step-{i:D3}")));
        await TableBatch.SubmitAsync(table, rows, CancellationToken.None);

        var record = await Harness.Get<RetentionStep>().RunAsync(runId: null, CancellationToken.None);

        Assert.Equal(1, record.Counts["runsDeleted"]);
        Assert.Empty(await Runs.ListAsync("20240101T020000Z-0001", CancellationToken.None));
    }
}
