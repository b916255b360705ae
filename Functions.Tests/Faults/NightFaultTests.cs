using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Infrastructure;

namespace Integration.Functions.Tests.Faults;

/// <summary>
/// The night under faults: each test breaks something mid-run, then checks that a rerun leaves the
/// table equal to SharePoint with counts that reconcile, and that a failure says what failed.
/// </summary>
public class NightFaultTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly NextMonth = new(2026, 12, 27);

    private static void AssertReconciles(SyncCounts c) =>
        Assert.Equal(c.Read, c.Created + c.Updated + c.Unchanged + c.Deleted + c.Quarantined);

    private List<int> Seed(int count) =>
        Enumerable.Range(0, count).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", i % 2 == 0 ? Anna : Omar, NextMonth.AddDays(i % 20))).ToList();

    /// <summary>Every item SharePoint has is a live row with its title, and no other row is live.</summary>
    private async Task AssertTableEqualsSharePointAsync(IEnumerable<int> ids)
    {
        var live = (await Harness.StoredItemsAsync()).Values.Where(r => !r.IsDeleted).ToDictionary(r => r.RowKey);
        var expected = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(expected.Order(), live.Keys.Order());
        foreach (var key in expected)
        {
            Assert.Equal(Harness.List.GetFields(int.Parse(key, CultureInfo.InvariantCulture))!["Title"]?.ToString(), live[key].Title);
        }
    }

    [Fact]
    public async Task ATruncatedPageFailsTheRunWithoutACheckpointAndTheRerunCompletes()
    {
        var ids = Seed(23);
        Harness.Graph.Faults.Truncate(count: 1, pathContains: "token=");

        var failure = await Record.ExceptionAsync(() => Harness.SyncAsync("night-1"));
        var checkpoint = await Harness.Get<DeltaCheckpointStore>().GetAsync(SyncSources.PlanItems, CancellationToken.None);
        var rerun = await Harness.SyncAsync("night-2");

        Assert.NotNull(failure);
        Assert.Null(checkpoint);
        AssertReconciles(rerun);
        Assert.Equal(23, rerun.Read);
        await AssertTableEqualsSharePointAsync(ids);
    }

    [Fact]
    public async Task ADeletedCheckpointMeansAFullSyncThatChangesNothing()
    {
        var ids = Seed(12);
        await Harness.SyncAsync("night-1");
        var checkpoints = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.DeltaCheckpoints);
        await checkpoints.DeleteEntityAsync("delta", SyncSources.PlanItems);

        var counts = await Harness.SyncAsync("night-2");

        // Every item is read again and recognised by the digest: no row is written.
        Assert.Equal((12, 12), (counts.Read, counts.Unchanged));
        AssertReconciles(counts);
        await AssertTableEqualsSharePointAsync(ids);
    }

    [Fact]
    public async Task AFlagWriteRefusedWith412IsCountedAndDoneByTheNextScan()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20));
        await Harness.SyncAsync();
        Harness.Graph.Faults.Fail(1, 412, pathContains: "/fields");

        var first = await Harness.ScanAsync();
        var second = await Harness.ScanAsync();

        Assert.Equal((1, 0), (first.Failures, first.NewlyOverdue));
        Assert.Equal((0, 1), (second.Failures, second.NewlyOverdue));
        Assert.Equal("Overdue", Harness.List.GetFields(id)!["OverdueFlag"]);
        Assert.Single(await Harness.PeekNotificationsAsync());
    }

    [Fact]
    public async Task AProcessKilledWhilePagesAreStoredLosesNothingOnTheRerun()
    {
        var ids = Seed(60);
        Harness.Graph.Latency = TimeSpan.FromMilliseconds(150);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Integration.Cli.dll"));
        start.ArgumentList.Add("run-once");
        start.Environment["AzureWebJobsStorage"] = Azurite.ConnectionString;
        start.Environment["SharePoint__GraphBaseUrl"] = Harness.Graph.BaseUrl.ToString();
        start.Environment["SharePoint__Auth"] = "None";
        start.Environment["SharePoint__SiteId"] = Harness.Site.Id;
        start.Environment["SharePoint__Lists__PlanItems"] = "Handlingsplan";
        start.Environment["SharePoint__PageSize"] = "5";

        using (var process = Process.Start(start)!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Killed once some pages are stored and before the feed is done.
            var table = await Harness.Get<PlanItemStore>().TableAsync(CancellationToken.None);
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
            {
                var stored = 0;
                await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"])) stored++;
                if (stored >= 10) break;
                await Task.Delay(50);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Null(await Harness.Get<DeltaCheckpointStore>().GetAsync(SyncSources.PlanItems, CancellationToken.None));
        Assert.True((await Harness.StoredItemsAsync()).Count < 60, "the run finished before it was killed; nothing was tested");

        Harness.Graph.Latency = TimeSpan.Zero;
        var rerun = await Harness.SyncAsync("after-kill");

        AssertReconciles(rerun);
        Assert.Equal(60, rerun.Read);
        await AssertTableEqualsSharePointAsync(ids);
    }
}
