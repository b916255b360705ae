using Integration.Core.PlanItems;
using Integration.Core.Sync;

namespace Integration.Cli.RunOnce;

/// <summary>What one nightly cycle did, per source, as run-once prints it.</summary>
public sealed record RunSummary(string RunId, IReadOnlyList<SourceSummary> Sources, OverdueScanResult? OverdueScan)
{
    /// <summary>A failed or unfinished source, or a flag that could not be written, fails the run.</summary>
    public bool Succeeded =>
        Sources.All(s => s.Status is SyncRunStatus.Succeeded or SyncRunStatus.Skipped or SyncRunStatus.NotBuilt)
        && (OverdueScan?.Failures ?? 0) == 0;
}

public sealed record SourceSummary(
    string Source,
    SyncRunStatus Status,
    string? Detail,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    int Deleted,
    int Quarantined,
    int NewlyOverdue,
    int NewlyDueSoon,
    int Notifications)
{
    public static SourceSummary From(SyncRunRecord record, OverdueScanResult? scan)
    {
        var c = record.Counts;
        return new SourceSummary(
            record.Source, record.Status, record.Detail,
            c.Read, c.Created, c.Updated, c.Unchanged, c.Deleted, c.Quarantined,
            scan?.NewlyOverdue ?? c.NewlyOverdue,
            scan?.NewlyDueSoon ?? c.NewlyDueSoon,
            scan?.Notifications ?? c.Notifications);
    }
}
