using System.Diagnostics;
using System.Text.Json;
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

    public int PageSize { get; init; } = 200;

    public async Task<IReadOnlyList<BenchRun>> RunAsync(IReadOnlyList<int> sizes, CancellationToken ct)
    {
        var runs = new List<BenchRun>();
        foreach (var size in sizes)
        {
            runs.Add(await RunSizeAsync(size, ct));
        }

        return runs;
    }

    private async Task<BenchRun> RunSizeAsync(int size, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        progress($"N = {size:N0}: starting Azurite and the Graph stand-in…");
        await using var azurite = await AzuriteServer.StartAsync(progress, ct);
        await using var graph = await GraphStandInProcess.StartAsync(new GraphStandInOptions { MaxPageSize = 5000 }, ct);
        var seeded = await graph.SeedPlanItemsAsync(size, seed: 42, today, Owners, ct);

        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["SharePoint__GraphBaseUrl"] = graph.BaseUrl.ToString(),
            ["SharePoint__Auth"] = "None",
            ["SharePoint__SiteId"] = seeded.SiteId,
            ["SharePoint__Lists__PlanItems"] = ListName,
            ["SharePoint__PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        async Task<(PhaseResult Result, RequestCounts Requests)> Measure(string phase, string label)
        {
            await graph.ClearRequestsAsync(ct);
            var result = await RunPhaseAsync(phase, environment, ct);
            var requests = await graph.GetRequestCountsAsync(ct);
            progress($"N = {size:N0}: {label}: {result.Seconds:F2} s, read {result.Read:N0}, {requests.Total:N0} Graph requests, {result.TableWrites:N0} table writes.");
            return (result, requests);
        }

        var full = await Measure(BenchPhases.FullSync, "full first sync");
        var raw = await Measure(BenchPhases.RawCeiling, "raw Azurite batch writes");
        var firstScan = await Measure(BenchPhases.Scan, "first overdue scan");
        await Measure(BenchPhases.Sync, "sync taking back the scan's own flag writes");
        var quiet = await Measure(BenchPhases.Sync, "quiet night");
        var quietScan = await Measure(BenchPhases.Scan, "quiet night's scan");

        var onePercent = await graph.MutatePlanItemsAsync(0.01, seed: 7, today, ct);
        var oneSync = await Measure(BenchPhases.Sync, "1% night");
        var oneScan = await Measure(BenchPhases.Scan, "1% night's scan");

        // The baseline gets a 1% change of its own, so both strategies find the same amount of work.
        var naiveChange = await graph.MutatePlanItemsAsync(0.01, seed: 8, today, ct);
        var naive = await Measure(BenchPhases.Naive, "naive baseline (list everything, compare item by item)");

        return new BenchRun(
            size, PageSize, full.Result, full.Requests, raw.Result, firstScan.Result,
            quiet.Result, quiet.Requests, quietScan.Result,
            onePercent.Changed, oneSync.Result, oneSync.Requests, oneScan.Result, oneScan.Requests,
            naiveChange.Changed, naive.Result, naive.Requests);
    }

    /// <summary>Runs one phase in a child process of this CLI and reads its result line.</summary>
    private static async Task<PhaseResult> RunPhaseAsync(string phase, IDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        start.ArgumentList.Add("bench-phase");
        start.ArgumentList.Add(phase);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a bench phase.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"Bench phase {phase} failed (exit {process.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<PhaseResult>(lines[^1], Json)
            ?? throw new InvalidOperationException($"Bench phase {phase} printed no result.");
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
