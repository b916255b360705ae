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
    public double FullSyncPerSecond => FullSync.Entities / FullSync.Seconds;
    public double RawPerSecond => RawCeiling.Entities / RawCeiling.Seconds;
    public double ThroughputRatio => Throughput(FullSync, RawCeiling);

    /// <summary>Entities per second of a full sync as a share of the raw batch writes' rate.</summary>
    public static double Throughput(PhaseResult fullSync, PhaseResult rawCeiling) =>
        fullSync.Entities / fullSync.Seconds / (rawCeiling.Entities / rawCeiling.Seconds);
    public double QuietRatio => QuietSync.Seconds / FullSync.Seconds;
    public double OnePercentRatio => OnePercentSync.Seconds / FullSync.Seconds;
    public double NaiveTimeRatio => Naive.Seconds / OnePercentSync.Seconds;
    public double NaiveRequestRatio => NaiveRequests.Total / (double)Math.Max(1, OnePercentReads);
    public int OnePercentRequestBound => (int)Math.Ceiling(OnePercentChanged / (double)PageSize) + 2;

    /// <summary>
    /// The night's reading from SharePoint, which the bound is about. Flag writes the sync makes
    /// (clearing the flag of an item it sees close) are counted apart: whichever step sends them,
    /// the night needs them.
    /// </summary>
    public int OnePercentReads => OnePercentRequests.Total - OnePercentRequests.FieldsPatch;

    /// <summary>A night as it runs: the sync and the overdue scan after it.</summary>
    public int OnePercentNightUnits => ResourceUnits.Of(OnePercentRequests) + ResourceUnits.Of(OnePercentScanRequests);
    public double OnePercentNightSeconds => OnePercentSync.Seconds + OnePercentScan.Seconds;
}

/// <summary>
/// SharePoint's published cost estimate: 1 resource unit per single-item or delta-with-token call,
/// 2 per multi-item read or write. On a night every delta call carries a token.
/// </summary>
public static class ResourceUnits
{
    public static int Of(RequestCounts c) => c.Delta + c.Item + c.FieldsPatch + c.List + c.Site + c.UserLookup + c.Other + 2 * c.Items;
}
