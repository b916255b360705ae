namespace Integration.Core.Sync;

/// <summary>
/// What one source's sync did. Every item read ends in exactly one bucket, so
/// <c>Read = Created + Updated + Unchanged + Deleted + Quarantined</c> always holds.
/// </summary>
public sealed class SyncCounts
{
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
    public int Quarantined { get; set; }

    /// <summary>Filled by the overdue scan for the plan-item source.</summary>
    public int NewlyOverdue { get; set; }
    public int NewlyDueSoon { get; set; }
    public int Notifications { get; set; }
}
