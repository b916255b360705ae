using Integration.Emulators.Graph;

namespace Integration.Cli.Bench;

/// <summary>The figures of one list size, from one bench invocation.</summary>
public sealed record BenchRun(
    int Size,
    int PageSize,
    PhaseResult FullSync,
    RequestCounts FullSyncRequests,
    PhaseResult RawCeiling,
    IReadOnlyList<double> ThroughputRatioRuns,
    PhaseResult FirstScan,
    PhaseResult EchoSync,
    PhaseResult QuietSync,
    RequestCounts QuietRequests,
    PhaseResult ColdQuietSync,
    PhaseResult QuietScan,
    int OnePercentChanged,
    IReadOnlyList<double> OnePercentSecondsRuns,
    PhaseResult OnePercentSync,
    RequestCounts OnePercentRequests,
    PhaseResult OnePercentScan,
    RequestCounts OnePercentScanRequests,
    int NaiveChanged,
    PhaseResult Naive,
    RequestCounts NaiveRequests)
{
    /// <summary>Every measured full sync's time; their median is what the 1% night is divided by.</summary>
    public IReadOnlyList<double> FullSyncSecondsRuns { get; init; } = [];

    public RequestCounts FirstScanRequests { get; init; } = RequestCounts.None;

    /// <summary>The first night against the stand-in's resource-unit budget; null where the size is past the paced night's.</summary>
    public PacedNightRun? PacedNight { get; init; }

    public double FullSyncPerSecond => FullSync.Entities / FullSync.Seconds;
    public double RawPerSecond => RawCeiling.Entities / RawCeiling.Seconds;
    public double ThroughputRatio => Throughput(FullSync, RawCeiling);

    /// <summary>Entities per second of a full sync as a share of the raw batch writes' rate.</summary>
    public static double Throughput(PhaseResult fullSync, PhaseResult rawCeiling) =>
        fullSync.Entities / fullSync.Seconds / (rawCeiling.Entities / rawCeiling.Seconds);
    public double QuietRatio => QuietSync.Seconds / FullSync.Seconds;
    /// <summary>The median 1% night over the median full sync: each measured five times, as the machine drifts.</summary>
    public double OnePercentRatio => Median(OnePercentSecondsRuns) / Median(FullSyncSecondsRuns.Count > 0 ? FullSyncSecondsRuns : [FullSync.Seconds]);

    /// <summary>The first overdue scan against the full sync it follows.</summary>
    public double FirstScanRatio => FirstScan.Seconds / Median(FullSyncSecondsRuns.Count > 0 ? FullSyncSecondsRuns : [FullSync.Seconds]);

    /// <summary>The first scan's flags go twenty to a JSON batch; a few more requests are its reads of the list's columns and such.</summary>
    public int FirstScanRequestBound => (int)Math.Ceiling(FirstScan.FlagWrites / 20.0) + 5;

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
    public double NaiveTimeRatio => Naive.Seconds / OnePercentSync.Seconds;
    public double NaiveRequestRatio => NaiveRequests.Total / (double)Math.Max(1, OnePercentReads);
    public int OnePercentRequestBound => (int)Math.Ceiling(OnePercentChanged / (double)PageSize) + 2;

    /// <summary>
    /// The night's reading from SharePoint, which the bound is about: requests on the wire less the JSON
    /// batches, which carry the flag writes the sync makes (clearing the flag of an item it sees close).
    /// Whichever step sends those, the night needs them.
    /// </summary>
    public int OnePercentReads => OnePercentRequests.Total - OnePercentRequests.Batch;

    /// <summary>A night as it runs: the sync and the overdue scan after it.</summary>
    public int OnePercentNightUnits => OnePercentRequests.ResourceUnits + OnePercentScanRequests.ResourceUnits;
    public double OnePercentNightSeconds => OnePercentSync.Seconds + OnePercentScan.Seconds;
}

/// <summary>A first night run against the stand-in's resource-unit budget, paced to the same budget.</summary>
public sealed record PacedNightRun(int Budget, TimeSpan Window, PhaseResult Night, RequestCounts Requests)
{
    /// <summary>Operations SharePoint answered, each request of a batch on its own.</summary>
    public int Operations => Requests.Total - Requests.Batch + Requests.Batched;

    public double ThrottledShare => Requests.Throttled / (double)Math.Max(1, Operations);

    /// <summary>How long the units take at the budget's pace: the least a night that never waits for a 429 can take.</summary>
    public double BudgetSeconds => Requests.ResourceUnits / (double)Budget * Window.TotalSeconds;

    public double PaceRatio => Night.Seconds / BudgetSeconds;
}
