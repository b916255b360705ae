namespace Integration.Core.Sync;

public enum SyncRunStatus
{
    Queued,
    Succeeded,
    Failed,

    /// <summary>The source or step is not configured; not a failure.</summary>
    Skipped,

    /// <summary>The source is configured, but this version cannot sync it yet; not a failure.</summary>
    NotBuilt,
}

public static class SyncRunStatusExtensions
{
    /// <summary>Done for this run, and not a failure: succeeded, skipped or not built.</summary>
    public static bool IsFinished(this SyncRunStatus status) =>
        status is SyncRunStatus.Succeeded or SyncRunStatus.Skipped or SyncRunStatus.NotBuilt;
}

/// <summary>
/// One step of a night (a source's sync, the overdue scan, …) as the SyncRuns table keeps it:
/// outcome, counts (each step names its own), when it started and how long it took.
/// </summary>
public sealed record SyncRunRecord(
    string RunId,
    string Step,
    SyncRunStatus Status,
    string? Detail,
    IReadOnlyDictionary<string, int> Counts,
    int Attempts,
    DateTimeOffset? StartedAt = null,
    TimeSpan? Duration = null)
{
    public static readonly IReadOnlyDictionary<string, int> NoCounts = new Dictionary<string, int>();

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoIds = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Item ids the step reports by name, beside its counts (see <see cref="SyncCounts.Ids"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ids { get; init; } = NoIds;

    public bool IsFinished => Status.IsFinished();

    public int Count(string name) => Counts.TryGetValue(name, out var value) ? value : 0;
}

/// <summary>What a step's work reports back to be recorded.</summary>
public sealed record StepResult(SyncRunStatus Status, string? Detail, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>Item ids the step reports by name, beside its counts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ids { get; init; } = SyncRunRecord.NoIds;

    public static StepResult Succeeded(IReadOnlyDictionary<string, int> counts, string? detail = null) => new(SyncRunStatus.Succeeded, detail, counts);

    public static StepResult Skipped(string detail) => new(SyncRunStatus.Skipped, detail, SyncRunRecord.NoCounts);
}
