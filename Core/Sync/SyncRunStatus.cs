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

/// <summary>One source's line in a run summary.</summary>
public sealed record SyncRunRecord(string RunId, string Source, SyncRunStatus Status, string? Detail, SyncCounts Counts, int Attempts);
