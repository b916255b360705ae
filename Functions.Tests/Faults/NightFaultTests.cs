using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Faults;

/// <summary>
/// The night under faults: each test breaks something mid-run, then checks that a rerun leaves the
/// table equal to SharePoint with counts that reconcile, and that a failure says what failed.
/// </summary>
public class NightFaultTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly NextMonth = new(2026, 12, 27);

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
        var checkpoint = await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None);
        var rerun = await Harness.SyncAsync("night-2");

        Assert.NotNull(failure);
        Assert.Null(checkpoint);
        SyncAssert.Reconciles(rerun);
        Assert.Equal(23, rerun.Read);
        await AssertTableEqualsSharePointAsync(ids);
    }

    [Fact]
    public async Task ADeletedCheckpointMeansAFullSyncThatChangesNothing()
    {
        var ids = Seed(12);
        await Harness.SyncAsync("night-1");
        var checkpoints = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.DeltaCheckpoints);
        await checkpoints.DeleteEntityAsync("delta", PlanItemsModule.Source);

        var counts = await Harness.SyncAsync("night-2");

        // Every item is read again and recognised by the digest: no row is written.
        Assert.Equal((12, 12), (counts.Read, counts.Unchanged));
        SyncAssert.Reconciles(counts);
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

        Assert.Null(await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None));
        Assert.True((await Harness.StoredItemsAsync()).Count < 60, "the run finished before it was killed; nothing was tested");

        Harness.Graph.Latency = TimeSpan.Zero;
        var rerun = await Harness.SyncAsync("after-kill");

        SyncAssert.Reconciles(rerun);
        Assert.Equal(60, rerun.Read);
        await AssertTableEqualsSharePointAsync(ids);
    }

    [Fact]
    public async Task StorageGoneMidRunFailsItWithTheEndpointNamedAndTheRerunCompletes()
    {
        // The same Azurite, reached through proxies that can be cut.
        var (blob, queue, table) = AzuritePorts(Azurite.ConnectionString);
        await using var blobs = new LoopbackTcpProxy(blob);
        await using var queues = new LoopbackTcpProxy(queue);
        await using var tables = new LoopbackTcpProxy(table);
        var proxied = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Integration.Emulators.Azurite.AzuriteServer.DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobs.Port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queues.Port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tables.Port}/devstoreaccount1;";
        await using var harness = await IntegrationHarness.StartAsync(proxied, settings: new Dictionary<string, string?> { ["SharePoint:PageSize"] = "5" }, configure: services =>
        {
            // Give up quickly: the test is about what happens after, not about the SDK's patience.
            services.ConfigureAll<TableClientOptions>(o => { o.Retry.MaxRetries = 1; o.Retry.Delay = TimeSpan.FromMilliseconds(50); });
            services.ConfigureAll<Azure.Storage.Blobs.BlobClientOptions>(o => { o.Retry.MaxRetries = 1; o.Retry.Delay = TimeSpan.FromMilliseconds(50); });
        });
        var anna = harness.Site.EnsureUser("Anna Lindqvist", "anna.lindqvist@natverket.example");
        var ids = Enumerable.Range(0, 60).Select(i => harness.List.AddPlanItem($"Aktivitet {i}", anna, NextMonth)).ToList();
        harness.Graph.Latency = TimeSpan.FromMilliseconds(100);

        var run = harness.SyncAsync("night-1");
        var rows = await harness.Get<PlanItemStore>().TableAsync(CancellationToken.None);
        while (!run.IsCompleted && await rows.QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync() < 10) await Task.Delay(50);
        await Task.WhenAll(blobs.CutAsync(), queues.CutAsync(), tables.CutAsync());
        var failure = await Record.ExceptionAsync(() => run);

        Assert.NotNull(failure);
        Assert.True(StorageUnavailableException.IsUnreachable(failure) || failure is StorageUnavailableException, failure.ToString());
        Assert.Matches($@"127\.0\.0\.1:({blobs.Port}|{queues.Port}|{tables.Port})", failure.Message);

        blobs.Restore();
        queues.Restore();
        tables.Restore();
        harness.Graph.Latency = TimeSpan.Zero;
        var rerun = await harness.SyncAsync("night-2");

        SyncAssert.Reconciles(rerun);
        Assert.Equal(60, rerun.Read);
        var live = (await harness.StoredItemsAsync()).Values.Where(r => !r.IsDeleted).Select(r => r.RowKey).Order();
        Assert.Equal(ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).Order(), live);
    }

    private static (int Blob, int Queue, int Table) AzuritePorts(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)) return (10000, 10001, 10002);
        int Port(string key) => new Uri(connectionString.Split(';').Single(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..]).Port;
        return (Port("BlobEndpoint"), Port("QueueEndpoint"), Port("TableEndpoint"));
    }
}
