using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Integration.Cli.Bench;

/// <summary>Writes docs/performance.md and its chart from one bench invocation's figures.</summary>
internal static class PerformanceReport
{
    private const double MiB = 1024 * 1024;
    public const int ResourceUnitBudgetPerMinute = 1200;

    public static string ChartFileName => "performance-chart.svg";

    /// <summary>
    /// Writes the parts of docs/performance.md this run measured (the plan items with their chart, the
    /// meeting notes) and keeps the others as they are.
    /// </summary>
    /// <returns>The Markdown of the parts written.</returns>
    public static string Write(IReadOnlyList<BenchRun> runs, NotesBenchRun? notes, string directory, string command, ReportBenchRun? report = null)
    {
        Directory.CreateDirectory(directory);
        var measured = new Dictionary<string, string>(StringComparer.Ordinal);
        if (runs.Count > 0)
        {
            File.WriteAllText(Path.Combine(directory, ChartFileName), Chart(runs));
            measured[ReportSections.PlanItems] = Markdown(runs, command);
        }

        if (notes is not null)
        {
            measured[ReportSections.MeetingNotes] = NotesReport.Markdown(notes, command);
        }

        if (report is not null)
        {
            measured[ReportSections.StatusReport] = ReportBench.Markdown(report, command);
        }

        var path = Path.Combine(directory, "performance.md");
        File.WriteAllText(path, ReportSections.Merge(File.Exists(path) ? File.ReadAllText(path) : null, measured));
        return string.Join('\n', measured.Values);
    }

    /// <summary>The plan-item part; the file's title is <see cref="ReportSections.Title"/>.</summary>
    public static string Markdown(IReadOnlyList<BenchRun> runs, string command)
    {
        var md = new StringBuilder();
        HowMeasured(md, runs, command);
        Figures(md, runs);
        Targets(md, runs);
        ReadingTheFigures(md, runs);
        return md.ToString();
    }

    private static void HowMeasured(StringBuilder md, IReadOnlyList<BenchRun> runs, string command)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line(Provenance(command));
        Line("Azurite (in memory) and the Graph stand-in run in processes of their own on loopback, with the stand-in's latency at zero, so the");
        Line("figures measure this code and the store, not a network. Each phase runs in a fresh process, so each peak working set is that phase's own.");
        Line($"Before it is timed, each phase's process runs a whole night's code once (full sync, scan, echo, a 5% change, sync, scan, naive baseline) against a {BenchWarmUp.Items}-item list in an Azurite and a stand-in of its own,");
        Line("so JIT compilation and first connections are not in the timings, as in a host that has been running. What a cold process adds shows in the quiet night measured without that warm-up.");
        Line("Azurite and the stand-in compile their own code under the first load they get, so one full sync runs, untimed, before anything is measured.");
        Line($"The full sync and the raw ceiling are then measured as {runs[0].ThroughputRatioRuns.Count} pairs, each on emptied storage, because this machine's speed drifts between seconds; the figures come from the pair with the median ratio, and the later phases work on the last pair's data.");
        Line($"For the same reason {runs[0].OnePercentSecondsRuns.Count} nights with a 1% change each (and the overdue scan after each) are run, and the night with the median sync time is reported.");
        Line($"Page size {runs[0].PageSize} items. The generator makes about 0.5% of items invalid and gives 2% of owners no email, so about 2.5% of items go to quarantine " +
             $"({string.Join(", ", runs.Select(r => $"{r.FullSync.Quarantined:N0} of {r.Size:N0}"))}).");
        Line();
    }

    private static void Figures(StringBuilder md, IReadOnlyList<BenchRun> runs)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("## Figures");
        Line();
        Line("| measure | " + string.Join(" | ", runs.Select(r => $"N = {r.Size:N0}")) + " |");
        Line("|---|" + string.Concat(runs.Select(_ => "---|")));
        void Row(string name, Func<BenchRun, string> value) => Line($"| {name} | " + string.Join(" | ", runs.Select(value)) + " |");
        Row("full first sync: wall time", r => $"{F(r.FullSync.Seconds)} s");
        Row("full first sync: entities per second", r => F(r.FullSyncPerSecond, "N0"));
        Row("full first sync: Graph requests", r => r.FullSyncRequests.Total.ToString("N0", CultureInfo.InvariantCulture));
        Row("full first sync: Table transactions", r => r.FullSync.TableTransactions.ToString("N0", CultureInfo.InvariantCulture));
        Row("full first sync: peak working set", r => $"{F(r.FullSync.PeakWorkingSetBytes / MiB, "F0")} MiB");
        Row("raw Azurite batch writes: wall time", r => $"{F(r.RawCeiling.Seconds)} s");
        Row("raw Azurite batch writes: entities per second", r => F(r.RawPerSecond, "N0"));
        Row("**full-sync throughput / raw ceiling**", r => $"**{F(r.ThroughputRatio)}**");
        Row("… in each of the measured pairs (the median is reported)", r => string.Join(", ", r.ThroughputRatioRuns.Select(x => F(x))));
        Row("quiet night: wall time (ratio to full sync)", r => $"{F(r.QuietSync.Seconds, "F3")} s ({F(r.QuietRatio, "F4")})");
        Row("quiet night in a cold process (no warm-up): wall time", r => $"{F(r.ColdQuietSync.Seconds, "F3")} s");
        Row("quiet night: Graph requests", r => r.QuietRequests.Total.ToString(CultureInfo.InvariantCulture));
        Row("quiet night: Table writes (sync + scan)", r => (r.QuietSync.TableWrites + r.QuietScan.TableWrites).ToString(CultureInfo.InvariantCulture));
        Row("1% night: items changed (the change, and the previous scan's flag writes)", r => r.OnePercentChanged.ToString("N0", CultureInfo.InvariantCulture));
        Row("1% night: wall time, median (ratio of the medians: 1% night / full sync)", r => $"{F(BenchRun.Median(r.OnePercentSecondsRuns), "F3")} s ({F(r.OnePercentRatio, "F4")})");
        Row("… each of the measured nights, and their spread", r => string.Join(", ", r.OnePercentSecondsRuns.Select(x => $"{F(x, "F3")} s")) + $" (spread {F(r.OnePercentSecondsRuns.Min(), "F3")}–{F(r.OnePercentSecondsRuns.Max(), "F3")} s)");
        Row("… each measured full sync, and their spread", r => string.Join(", ", r.FullSyncSecondsRuns.Select(x => $"{F(x)} s")) + $" (median {F(BenchRun.Median(r.FullSyncSecondsRuns))} s)");
        Row("1% night: Graph reads (bound) + flag writes (in JSON batches)", r => $"{r.OnePercentReads} ({r.OnePercentRequestBound}) + {r.OnePercentRequests.FieldsPatch} ({r.OnePercentRequests.Batch})");
        Row("1% night: Table writes", r => r.OnePercentSync.TableWrites.ToString("N0", CultureInfo.InvariantCulture));
        Row("1% night: peak working set", r => $"{F(r.OnePercentSync.PeakWorkingSetBytes / MiB, "F0")} MiB");
        Row("naive baseline on a 1% night: wall time", r => $"{F(r.Naive.Seconds)} s");
        Row("naive baseline: Graph requests", r => r.NaiveRequests.Total.ToString("N0", CultureInfo.InvariantCulture));
        Row("naive baseline: peak working set", r => $"{F(r.Naive.PeakWorkingSetBytes / MiB, "F0")} MiB");
        Row("**naive / delta**: time, Graph reads", r => $"**{F(r.NaiveTimeRatio, "F1")}**, {F(r.NaiveRequestRatio, "F1")}");
        Row("overdue scan (1% night): entities read / open items due by the horizon / flags to clear", r => $"{r.OnePercentScan.Scanned:N0} / {r.OnePercentScan.OpenWithinHorizon:N0} / {r.OnePercentScan.FlagsToClear:N0}");
        Row("overdue scan (1% night): time", r => $"{F(r.OnePercentScan.Seconds)} s");
        Row("first overdue scan: entities read / flag writes / time (ratio to full sync)", r => $"{r.FirstScan.Scanned:N0} / {r.FirstScan.FlagWrites:N0} / {F(r.FirstScan.Seconds)} s ({F(r.FirstScanRatio)})");
        Row("first overdue scan: Graph requests on the wire (JSON batches) / resource units", r => $"{r.FirstScanRequests.Total:N0} ({r.FirstScanRequests.Batch:N0}) / {r.FirstScanRequests.ResourceUnits:N0}");
        Row("first overdue scan: notifications / queue messages carrying them", r => $"{r.FirstScan.Notifications:N0} / {r.FirstScan.QueueMessages:N0}");
        Row("first overdue scan: CPU time of the Graph stand-in meanwhile", r => $"{F(r.FirstScan.StandInCpuSeconds)} s");
        Row("sync of the first scan's echo: items read / Table writes / time", r => $"{r.EchoSync.Read:N0} / {r.EchoSync.TableWrites:N0} / {F(r.EchoSync.Seconds)} s");
        Row("estimated SharePoint resource units, 1% night (sync + scan)", r => r.OnePercentNightUnits.ToString("N0", CultureInfo.InvariantCulture));
        Row($"… per minute at this speed (budget {ResourceUnitBudgetPerMinute:N0})", r => F(r.OnePercentNightUnits / Math.Max(r.OnePercentNightSeconds / 60, 1.0 / 60), "N0"));
        Row("estimated resource units, naive night", r => r.NaiveRequests.ResourceUnits.ToString("N0", CultureInfo.InvariantCulture));
        Line();
        Line("Resource units are what the stand-in charged, by SharePoint's published estimate: 1 per single-item or delta call with a token, 2 per multi-item read, delta without a token, or write; a JSON batch costs the sum of its requests.");
        Line("The rate per minute assumes the night's calls are spread over the measured wall time; with real network latency the same calls take longer, so the real rate is lower.");
        Line();
    }

    private static void Targets(StringBuilder md, IReadOnlyList<BenchRun> runs)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("## Targets");
        Line();
        Line("| measure | target | " + string.Join(" | ", runs.Select(r => $"N = {r.Size:N0}")) + " |");
        Line("|---|---|" + string.Concat(runs.Select(_ => "---|")));
        void Target(string name, string target, Func<BenchRun, (string Value, bool Met)> check) =>
            Line($"| {name} | {target} | " + string.Join(" | ", runs.Select(r => { var (v, met) = check(r); return $"{v} {(met ? "met" : "**missed**")}"; })) + " |");
        Target("full-sync throughput / raw Azurite batch-write ceiling", "≥ 0.7", r => (F(r.ThroughputRatio), r.ThroughputRatio >= 0.7));
        Target("1% night wall time / full sync (medians of five)", "≤ 0.05", r => (F(r.OnePercentRatio, "F4"), r.OnePercentRatio <= 0.05));
        Target("first overdue scan / full sync", "≤ 1.5", r => (F(r.FirstScanRatio), r.FirstScanRatio <= 1.5));
        Target("Graph requests of the first overdue scan", "≤ ceil(flags / 20) + 5", r => ($"{r.FirstScanRequests.Total:N0} ≤ {r.FirstScanRequestBound:N0}", r.FirstScanRequests.Total <= r.FirstScanRequestBound));
        Target("Graph requests (reads) on the 1% night", "≤ ceil(changed / page size) + 2", r => ($"{r.OnePercentReads} ≤ {r.OnePercentRequestBound}", r.OnePercentReads <= r.OnePercentRequestBound));
        Target("Table writes on the quiet night", "0", r => ((r.QuietSync.TableWrites + r.QuietScan.TableWrites).ToString(CultureInfo.InvariantCulture), r.QuietSync.TableWrites + r.QuietScan.TableWrites == 0));
        Target("naive / delta time on the 1% night", "≥ 10", r => (F(r.NaiveTimeRatio, "F1"), r.NaiveTimeRatio >= 10));
        Target("overdue-scan reads (1% night)", "≤ open items due by the horizon, by a server-side filter", r =>
        {
            var s = r.OnePercentScan;
            var text = s.Scanned <= s.OpenWithinHorizon
                ? $"{s.Scanned:N0} ≤ {s.OpenWithinHorizon:N0}"
                : $"{s.Scanned:N0} = {s.OpenWithinHorizon:N0} open + {s.Scanned - s.OpenWithinHorizon:N0} whose flag must be cleared ({s.FlagsToClear:N0} such);";
            return (text, s.Scanned <= s.OpenWithinHorizon);
        });
        if (runs.Count > 1)
        {
            var small = runs.MinBy(r => r.Size)!;
            var large = runs.MaxBy(r => r.Size)!;
            var ratio = large.FullSync.PeakWorkingSetBytes / (double)small.FullSync.PeakWorkingSetBytes;
            Line($"| peak working set of the full sync, N = {large.Size:N0} / N = {small.Size:N0} | ≤ 1.5 | {F(ratio)} {(ratio <= 1.5 ? "met" : "**missed**")} |" + string.Concat(runs.Skip(2).Select(_ => " |")));
        }

        Line();
        PacedNight(md, runs);
    }

    /// <summary>The first night against the stand-in's budget, for the sizes it was run on.</summary>
    private static void PacedNight(StringBuilder md, IReadOnlyList<BenchRun> runs)
    {
        void Line(string text = "") => md.Append(text).Append('\n');
        foreach (var run in runs.Where(r => r.PacedNight is not null))
        {
            var p = run.PacedNight!;
            var window = p.Window.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            Line($"### The first night against SharePoint's budget, N = {run.Size:N0}");
            Line();
            Line($"A full sync and the first overdue scan after it, on emptied storage, against a stand-in of their own that meters {p.Budget:N0} resource units per {window} s window (SharePoint's smallest per-app budget, its minute shortened so the run stays short): " +
                 $"from 80% of a window the stand-in's answers carry `RateLimit-Remaining` and `RateLimit-Reset`, and past it it answers 429 with `Retry-After`. The night reads the same budget and window from its settings " +
                 $"(`SharePoint__ResourceUnitsPerMinute={p.Budget}`, `SharePoint__ResourceUnitWindow={p.Window.ToString("c", CultureInfo.InvariantCulture)}`).");
            Line();
            Line("| measure | target | result |");
            Line("|---|---|---|");
            Line($"| wall time / (units ÷ budget) | ≤ 1.2 | {F(p.Night.Seconds)} s / {F(p.BudgetSeconds)} s = {F(p.PaceRatio)} {(p.PaceRatio <= 1.2 ? "met" : "**missed**")} |");
            Line($"| requests answered 429 or 503 | ≤ 1% | {p.Requests.Throttled:N0} of {p.Operations:N0} ({F(p.ThrottledShare * 100)}%) {(p.ThrottledShare <= 0.01 ? "met" : "**missed**")} |");
            Line($"| most throttled answers for one request | ≤ 1 | {p.Requests.MostThrottlesOfOneRequest} {(p.Requests.MostThrottlesOfOneRequest <= 1 ? "met" : "**missed**")} |");
            Line($"| resource units charged by the stand-in / counted by the night | | {p.Requests.ResourceUnits:N0} / {p.Night.UnitsCounted:N0} |");
            Line($"| Graph requests on the wire (JSON batches) | | {p.Requests.Total:N0} ({p.Requests.Batch:N0}) |");
            Line($"| flags written / time the night's calls waited for the budget, summed | | {p.Night.FlagWrites:N0} / {F(p.Night.PacingWaitSeconds, "F1")} s |");
            var flow = Core.SharePoint.Pacing.ResourceUnitBudget.FlowPerWindow(p.Budget);
            double AtFlow(long units) => units / (double)flow * p.Window.TotalSeconds;
            var (scanSeconds, scanUnits) = (p.Night.Seconds - p.Night.SyncSeconds, p.Night.UnitsCounted - p.Night.SyncUnits);
            Line($"| the full sync: time / its units at the pacing's flow | | {F(p.Night.SyncSeconds)} s / {F(AtFlow(p.Night.SyncUnits))} s ({p.Night.SyncUnits:N0} units) |");
            Line($"| the overdue scan: time / its units at the pacing's flow | | {F(scanSeconds)} s / {F(AtFlow(scanUnits))} s ({scanUnits:N0} units) |");
            Line();
            Line($"The pacing lets {flow:N0} of the {p.Budget:N0} units a window flow (a twentieth held as the bucket's burst, one batch of writes kept in reserve so a window never ends on a call that does not fit), " +
                 $"so the least the night can take is its units at that pace, {F(p.Requests.ResourceUnits / (double)flow * p.Window.TotalSeconds)} s ({F(p.BudgetSeconds > 0 ? p.Requests.ResourceUnits / (double)flow * p.Window.TotalSeconds / p.BudgetSeconds : 0)} of units ÷ budget); " +
                 "the rows above set the full sync and the overdue scan each against their own units at that pace. The full sync spends few units and waits on its table writes; the scan, where the units are, keeps the pace. " +
                 "Before a page's notifications were packed (one queue message per event), the same night took 1.24 and 1.29 times units ÷ budget in two runs.");
            Line();
        }
    }

    private static void ReadingTheFigures(StringBuilder md, IReadOnlyList<BenchRun> runs)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("## Reading the figures");
        Line();
        var big = runs.MaxBy(r => r.Size)!;
        Line($"- **Full sync against the raw ceiling.** The sync sends the same batch transactions as the raw writer, plus the quarantine rows and one listing of the site's users; the rest is reading and parsing {big.FullSyncRequests.Delta:N0} Graph pages on the same two cores as Azurite and the stand-in. " +
             "Graph pages are fetched while the previous page is stored, two pages of writes are kept in flight (quarantine rows too, a full transaction at a time), and the site's users are listed, and the list's columns checked against the configuration (one request), while the first page is on its way. Page bodies are parsed with System.Text.Json rather than Kiota's untyped model, which boxes every field and tries every string as a date.");
        Line($"- **The 1% night.** Changed items are compared with the list's digest (16 bytes of content hash per item, one blob, read in one request) instead of with their rows, so a night reads no rows at all: it adds new items, merges edits over their rows (the scan's own columns stay), tombstones deletions and saves the digest. " +
             $"Before the digest, each changed item cost a point read ({big.OnePercentChanged:N0} at N = {big.Size:N0}) and the night took about a tenth of the full sync. Reading fourteen row keys per query was tried and dropped: the store answers an OR of row keys with a scan of the partition, which made the night twenty times slower. " +
             $"The digest also makes the sync of the first scan's echo cheap: {big.EchoSync.Read:N0} items at N = {big.Size:N0} are recognised as our own flag writes without reading a row.");
        var small = runs.MinBy(r => r.Size)!;
        var smallFull = BenchRun.Median(small.FullSyncSecondsRuns.Count > 0 ? small.FullSyncSecondsRuns : [small.FullSync.Seconds]);
        Line($"- **The 1% night at N = {small.Size:N0}** lasts about {F(BenchRun.Median(small.OnePercentSecondsRuns) * 1000, "F0")} ms: a dozen storage requests and two Graph round trips (the delta page, and the batch that clears flags, which must be answered before the rows are written), mostly one after the other. " +
             $"Its five nights spread from {F(small.OnePercentSecondsRuns.Min() * 1000, "F0")} to {F(small.OnePercentSecondsRuns.Max() * 1000, "F0")} ms, {F(small.OnePercentSecondsRuns.Min() / smallFull, "F3")} to {F(small.OnePercentSecondsRuns.Max() / smallFull, "F3")} of the median full sync, " +
             "so where that range straddles the 0.05 target, the median falls either side of it from one run of the same code to the next. At N = 100,000 the night is long enough that the ratio stays clear of it.");
        Line("- **The overdue scan** reads what its server-side filter returns: open items due by the horizon, and any item still carrying a flag. The sync clears the flag of an item it sees close or move past the horizon (that is where the 1% night's flag writes come from), so the second kind is normally empty; it stays in the filter for a flag that a failed write or a smaller `Overdue__DueSoonDays` left behind.");
        Line($"- **The first overdue scan** writes {big.FirstScan.FlagWrites:N0} flags at N = {big.Size:N0} in {big.FirstScanRequests.Batch:N0} JSON batches (before batching: one PATCH each, 3.3 times the full sync at N = 10,000), while the page before is told and saved. " +
             $"A page's notifications go to the queue packed, a few `notification-batch` messages a page ({big.FirstScan.Notifications:N0} events in {big.FirstScan.QueueMessages:N0} messages at N = {big.Size:N0}). With one message per event the scan waited on those requests, which Azurite serves one at a time on the same two cores: 1.65 and 1.84 times the full sync at N = 10,000 and 100,000 with the flags already batched. " +
             $"Each event keeps its own id, so the digest still tells it once. What is left is reading the candidates, the row updates in batch transactions and the batches' round trips; the Graph stand-in, which serves every request of a batch through its own pipeline over loopback, used {F(big.FirstScan.StandInCpuSeconds)} s of CPU meanwhile.");
        Line($"- **Resource units and batching.** A quiet night costs 1 unit. The first overdue scan after a full sync writes one flag per flagged item ({big.FirstScan.FlagWrites:N0} PATCHes at N = {big.Size:N0}), twenty to a JSON batch ({big.FirstScanRequests.Batch:N0} batches): batching saves round trips, not units, so those are {big.FirstScanRequests.ResourceUnits:N0} units, " +
             $"which at the smallest per-app budget of {ResourceUnitBudgetPerMinute:N0} units a minute is at least {Math.Ceiling(big.FirstScanRequests.ResourceUnits / (double)ResourceUnitBudgetPerMinute):N0} minutes of writing. The night paces itself to that budget (a token bucket of units in front of every Graph call, waiting for SharePoint's reset when its `RateLimit-Remaining` would not cover a call), so SharePoint's 429 is the exception rather than the pacing; the timed phases above run with pacing off (`SharePoint__ResourceUnitsPerMinute=0`), to measure the code. Later nights write only the flags that change.");
        var smallest = runs.MinBy(r => r.Size)!;
        Line($"- **Memory.** Pages are streamed and at most two are held. From N = {smallest.Size:N0} to N = {big.Size:N0} the full sync's peak grew by {F((big.FullSync.PeakWorkingSetBytes - smallest.FullSync.PeakWorkingSetBytes) / MiB, "F0")} MiB: the set of ids a full sync keeps to find deletions and repeats, the digest (a few MB at N = 100,000), and the runtime's heap headroom. Each peak includes the warm-up's, which handles {BenchWarmUp.Items} items.");
        Line();
        Line($"![Time and memory against list size]({ChartFileName})");
        Line();
    }

    private static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Chart(IReadOnlyList<BenchRun> runs)
    {
        const string delta = "#1f77b4", naive = "#d62728", full = "#7f7f7f";
        return SvgChart.Render(
        [
            new SvgChart.Panel("Wall time", "seconds",
            [
                new SvgChart.Series("delta sync, 1% night", delta, runs.Select(r => ((double)r.Size, r.OnePercentSync.Seconds)).ToList()),
                new SvgChart.Series("naive baseline, 1% night", naive, runs.Select(r => ((double)r.Size, r.Naive.Seconds)).ToList()),
                new SvgChart.Series("delta full first sync", full, runs.Select(r => ((double)r.Size, r.FullSync.Seconds)).ToList()),
            ]),
            new SvgChart.Panel("Peak working set", "MiB",
            [
                new SvgChart.Series("delta sync, 1% night", delta, runs.Select(r => ((double)r.Size, r.OnePercentSync.PeakWorkingSetBytes / MiB)).ToList()),
                new SvgChart.Series("naive baseline, 1% night", naive, runs.Select(r => ((double)r.Size, r.Naive.PeakWorkingSetBytes / MiB)).ToList()),
                new SvgChart.Series("delta full first sync", full, runs.Select(r => ((double)r.Size, r.FullSync.PeakWorkingSetBytes / MiB)).ToList()),
            ]),
        ], "plan items in the list (N)");
    }

    /// <summary>What every part of the report opens with: how to reproduce it, and on what machine it ran.</summary>
    public static string Provenance(string command) =>
        $"Generated by the bench; do not edit by hand. Reproduce with:\n\n```bash\n{command}\n```\n\n{Machine()}\n";

    public static string Machine() =>
        $"Machine: {Environment.ProcessorCount} cores, {(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * MiB)).ToString("F0", CultureInfo.InvariantCulture)} GiB, {RuntimeInformation.OSDescription}, {CpuModel()}, .NET {Environment.Version}. " +
        $"Run on {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} UTC.";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
