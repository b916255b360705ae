using Integration.Emulators.Graph;

namespace Integration.Cli.Bench;

/// <summary>The meeting-notes figures of one bench invocation: the library's nights and the one large note.</summary>
public sealed record NotesBenchRun(NoteLibraryRun? Library, SingleNoteRun? SingleNote);

/// <summary>One meeting-notes phase: what its process reported and what the Graph stand-in counted.</summary>
public sealed record NotePhase(PhaseResult Result, RequestCounts Requests, DownloadCounts Downloads)
{
    public double DownloadedMiBPerSecond => Downloads.Bytes / (1024.0 * 1024) / Result.Seconds;
}

/// <summary>The library of many notes: a full first sync, a quiet night and the median of the 1% nights.</summary>
public sealed record NoteLibraryRun(
    int Notes,
    long Bytes,
    long MinBytes,
    long MaxBytes,
    int PageSize,
    NotePhase FullSync,
    NotePhase Quiet,
    int OnePercentChanged,
    IReadOnlyList<double> OnePercentSecondsRuns,
    NotePhase OnePercent);

/// <summary>
/// One large note through download, hash, archive and registration, against the same phase with a small
/// note, run in pairs; the pair with the median growth of the peak working set is reported.
/// </summary>
public sealed record SingleNoteRun(long NoteBytes, long BaselineBytes, IReadOnlyList<SingleNotePair> Pairs)
{
    public SingleNotePair Median => Pairs.OrderBy(p => p.PeakGrowthBytes).ElementAt(Pairs.Count / 2);
}

public sealed record SingleNotePair(NotePhase Baseline, NotePhase Large)
{
    public long PeakGrowthBytes => Large.Result.PeakWorkingSetBytes - Baseline.Result.PeakWorkingSetBytes;
}
