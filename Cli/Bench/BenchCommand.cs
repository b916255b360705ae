using Integration.Cli.Hosting;
using Integration.Emulators.Azurite;
using Integration.Emulators.Graph;

namespace Integration.Cli.Bench;

/// <summary>
/// The city-scale benchmark. For each list size it starts Azurite and the Graph stand-in (latency
/// zero, in a process of its own), seeds the list, and runs each measured phase in a fresh child
/// process so every phase's time and peak working set are its own. It then writes the report.
/// </summary>
internal sealed class BenchCommand(Action<string> progress)
{
    private const string ListName = "Handlingsplan";
    private const int Owners = 200;
    private const int FullSyncRepeats = 5;
    private const int OnePercentNights = 5;

    /// <summary>
    /// The paced first night: SharePoint's smallest per-app budget, over a window shortened from a minute so
    /// the run stays short. Not to 2 s: SharePoint's <c>RateLimit-Reset</c> and <c>Retry-After</c> are whole
    /// seconds, and the night's work apart from Graph (a full sync's table writes, about a second at
    /// N = 10,000) does not shrink with the window, so a 2-s window would measure those, not the pacing.
    /// </summary>
    public const int PacedBudget = 1200;

    public static readonly TimeSpan PacedWindow = TimeSpan.FromSeconds(10);

    /// <summary>The largest list the paced first night is run on (it lasts units ÷ budget × window).</summary>
    public int PacedNightMaxSize { get; init; } = 10_000;

    public int PageSize { get; init; } = 200;

    public async Task<IReadOnlyList<BenchRun>> RunAsync(IReadOnlyList<int> sizes, CancellationToken ct)
    {
        // Each phase's process first runs the night's code against this small list and storage
        // of its own (see BenchWarmUp), so JIT and first calls stay out of the timings.
        progress($"Starting Azurite and a Graph stand-in with {BenchWarmUp.Items} items for the phases' warm-up…");
        await using var warmUpStorage = await AzuriteServer.StartAsync(progress, ct);
        await using var warmUpGraph = await GraphStandInProcess.StartAsync(new GraphStandInOptions(), ct);
        var warmUpSite = await warmUpGraph.Control.SeedPlanItemsAsync(BenchWarmUp.Items, seed: 1, DateOnly.FromDateTime(DateTime.UtcNow), Owners, ct);
        var warmUp = Settings(warmUpStorage, warmUpGraph, warmUpSite.SiteId)
            .ToDictionary(s => $"{BenchWarmUp.Section}__{s.Key}", s => s.Value);

        var runs = new List<BenchRun>();
        foreach (var size in sizes)
        {
            runs.Add(await RunSizeAsync(size, warmUp, ct));
        }

        return runs;
    }

    /// <summary>The requests by kind, those sent inside JSON batches included, for the progress line.</summary>
    private static string Kinds(RequestCounts requests)
    {
        var kinds = requests.ByKind.Where(k => k.Value > 0).Select(k => $"{k.Value:N0} {k.Key}").ToList();
        return kinds.Count > 0 ? $" ({string.Join(", ", kinds)}{(requests.Batched > 0 ? $"; {requests.Batched:N0} of them in batches" : "")})" : "";
    }

    private Dictionary<string, string> Settings(AzuriteServer azurite, GraphStandInProcess graph, string siteId) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["SharePoint__GraphBaseUrl"] = graph.BaseUrl.ToString(),
        ["SharePoint__Auth"] = "None",
        ["SharePoint__SiteId"] = siteId,
        ["SharePoint__Lists__PlanItems"] = ListName,
        ["SharePoint__PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The timed phases measure this code and the store; the paced first night measures the pacing.
        ["SharePoint__ResourceUnitsPerMinute"] = "0",
    };

    private async Task<BenchRun> RunSizeAsync(int size, IReadOnlyDictionary<string, string> warmUp, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        progress($"N = {size:N0}: starting Azurite and the Graph stand-in…");
        await using var azurite = await AzuriteServer.StartAsync(progress, ct);
        await using var graph = await GraphStandInProcess.StartAsync(new GraphStandInOptions { MaxPageSize = 5000 }, ct);
        var seeded = await graph.Control.SeedPlanItemsAsync(size, seed: 42, today, Owners, ct);

        var cold = Settings(azurite, graph, seeded.SiteId);
        var warm = cold.Concat(warmUp).ToDictionary();

        async Task<(PhaseResult Result, RequestCounts Requests)> Measure(string phase, string label, bool warmUpFirst = true)
        {
            await graph.Control.ClearRequestsAsync(ct);
            using var standIn = System.Diagnostics.Process.GetProcessById(graph.ProcessId);
            var cpu = standIn.TotalProcessorTime;
            var result = await PhaseProcess.RunAsync(phase, warmUpFirst ? warm : cold, ct);
            standIn.Refresh();
            var requests = await graph.Control.GetRequestCountsAsync(ct);
            // The stand-in shares the machine's cores with the phase; its CPU time shows what of a phase is the stand-in's.
            result = result with { StandInCpuSeconds = (standIn.TotalProcessorTime - cpu).TotalSeconds };
            progress($"N = {size:N0}: {label}: {result.Seconds:F2} s, read {result.Read:N0}, {requests.Total:N0} Graph requests{Kinds(requests)}, {result.TableWrites:N0} table writes, stand-in CPU {result.StandInCpuSeconds:F2} s.");
            return (result, requests);
        }

        // Azurite and the stand-in compile their own code under the first load they see: one full
        // sync, not counted, gets them there before anything is timed.
        await Measure(BenchPhases.FullSync, "full sync warming up Azurite and the stand-in (not counted)");

        // The machine's speed drifts from second to second, so the full sync and the raw ceiling
        // are measured in pairs, on emptied storage each time, and the pair with the median ratio
        // is reported. The last pair's data is what the later phases work on.
        var pairs = new List<((PhaseResult Result, RequestCounts Requests) Full, (PhaseResult Result, RequestCounts Requests) Raw, double Ratio)>();
        // The full syncs' median is what the 1% nights are divided by.
        for (var i = 1; i <= FullSyncRepeats; i++)
        {
            await ScratchStorage.EmptyAsync(azurite.ConnectionString, ct);
            var fullRun = await Measure(BenchPhases.FullSync, $"full first sync ({i} of {FullSyncRepeats})");
            var rawRun = await Measure(BenchPhases.RawCeiling, $"raw Azurite batch writes ({i} of {FullSyncRepeats})");
            pairs.Add((fullRun, rawRun, BenchRun.Throughput(fullRun.Result, rawRun.Result)));
        }

        var (full, raw, _) = pairs.OrderBy(p => p.Ratio).ElementAt(pairs.Count / 2);
        var firstScan = await Measure(BenchPhases.Scan, "first overdue scan");
        var echo = await Measure(BenchPhases.Sync, "sync taking back the scan's own flag writes");
        var quiet = await Measure(BenchPhases.Sync, "quiet night");
        var coldQuiet = await Measure(BenchPhases.Sync, "quiet night in a cold process (no warm-up)", warmUpFirst: false);
        var quietScan = await Measure(BenchPhases.Scan, "quiet night's scan");

        // A 1% night lasts a few hundredths of a second at N = 10,000, where the machine's drift
        // shows most: five nights run, each with a change of its own and its scan, and the night
        // with the median sync time is reported, with the spread. A night's changes include the previous scan's
        // flag writes, which come back through the delta feed like any edit.
        var nights = new List<(int Changed, (PhaseResult Result, RequestCounts Requests) Sync, (PhaseResult Result, RequestCounts Requests) Scan)>();
        var echoes = quietScan.Result.FlagWrites;
        for (var night = 1; night <= OnePercentNights; night++)
        {
            var change = await graph.Control.MutatePlanItemsAsync(0.01, seed: 6 + night, today, ct);
            var nightSync = await Measure(BenchPhases.Sync, $"1% night ({night} of {OnePercentNights})");
            var nightScan = await Measure(BenchPhases.Scan, $"1% night's scan ({night} of {OnePercentNights})");
            nights.Add((change.Changed + echoes, nightSync, nightScan));
            echoes = nightScan.Result.FlagWrites;
        }

        var (onePercentChanged, oneSync, oneScan) = nights.OrderBy(n => n.Sync.Result.Seconds).ElementAt(nights.Count / 2);

        // The baseline gets a 1% change of its own, so both strategies find the same amount of work.
        var naiveChange = await graph.Control.MutatePlanItemsAsync(0.01, seed: 100, today, ct);
        var naive = await Measure(BenchPhases.Naive, "naive baseline (list everything, compare item by item)");
        var paced = size <= PacedNightMaxSize ? await PacedNightAsync(size, azurite, warmUp, today, ct) : null;

        return new BenchRun(
            size, PageSize, full.Result, full.Requests, raw.Result, [.. pairs.Select(p => p.Ratio)], firstScan.Result, echo.Result,
            quiet.Result, quiet.Requests, coldQuiet.Result, quietScan.Result,
            onePercentChanged, [.. nights.Select(n => n.Sync.Result.Seconds)], oneSync.Result, oneSync.Requests, oneScan.Result, oneScan.Requests,
            naiveChange.Changed, naive.Result, naive.Requests)
        {
            FullSyncSecondsRuns = [.. pairs.Select(p => p.Full.Result.Seconds)],
            FirstScanRequests = firstScan.Requests,
            PacedNight = paced,
        };
    }

    /// <summary>
    /// A first night (full sync and first overdue scan) on emptied storage against a stand-in of its own that
    /// meters {PacedBudget} units per {PacedWindow} and throttles past them, the night paced to the same budget
    /// and window from its settings.
    /// </summary>
    private async Task<PacedNightRun> PacedNightAsync(int size, AzuriteServer azurite, IReadOnlyDictionary<string, string> warmUp, DateOnly today, CancellationToken ct)
    {
        progress($"N = {size:N0}: paced first night, against a stand-in metering {PacedBudget:N0} resource units per {PacedWindow.TotalSeconds:0} s…");
        await ScratchStorage.EmptyAsync(azurite.ConnectionString, ct);
        await using var graph = await GraphStandInProcess.StartAsync(new GraphStandInOptions { MaxPageSize = 5000, ResourceUnitBudget = PacedBudget, ResourceUnitWindow = PacedWindow }, ct);
        var seeded = await graph.Control.SeedPlanItemsAsync(size, seed: 42, today, Owners, ct);
        var settings = Settings(azurite, graph, seeded.SiteId).Concat(warmUp).ToDictionary();
        settings["SharePoint__ResourceUnitsPerMinute"] = PacedBudget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["SharePoint__ResourceUnitWindow"] = PacedWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

        await graph.Control.ClearRequestsAsync(ct);
        var result = await PhaseProcess.RunAsync(BenchPhases.PacedNight, settings, ct);
        var requests = await graph.Control.GetRequestCountsAsync(ct);
        var run = new PacedNightRun(PacedBudget, PacedWindow, result, requests);
        progress($"N = {size:N0}: paced first night: {result.Seconds:F2} s for {requests.ResourceUnits:N0} units (budget pace {run.BudgetSeconds:F2} s), {requests.Throttled:N0} of {run.Operations:N0} requests throttled, calls waited {result.PacingWaitSeconds:F1} s in all; the full sync took {result.SyncSeconds:F2} s for {result.SyncUnits:N0} units.");
        return run;
    }

}
