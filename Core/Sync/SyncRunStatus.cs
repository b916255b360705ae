namespace Integration.Core.Sync;

public enum SyncRunStatus
{
    Queued,
    Succeeded,
    Failed,

    /// <summary>The source is not configured (or not built yet); not a failure.</summary>
    Skipped,
}

/// <summary>One source's line in a run summary.</summary>
public sealed record SyncRunRecord(string RunId, string Source, SyncRunStatus Status, string? Detail, SyncCounts Counts, int Attempts);
