namespace Integration.Core.PlanItems;

/// <summary>What one overdue scan did.</summary>
public sealed class OverdueScanResult
{
    /// <summary>Candidates the server-side filter returned (open and due by the horizon, or flagged).</summary>
    public int Scanned { get; set; }
    public int NewlyOverdue { get; set; }
    public int NewlyDueSoon { get; set; }
    public int Cleared { get; set; }

    /// <summary>Fields PATCHes sent to SharePoint.</summary>
    public int FlagWrites { get; set; }
    public int Notifications { get; set; }

    /// <summary>Items whose flag could not be written; they are retried by the next scan.</summary>
    public int Failures { get; set; }

    /// <summary>The counts as the scan's step records them.</summary>
    public IReadOnlyDictionary<string, int> ToDictionary() => new Dictionary<string, int>
    {
        ["scanned"] = Scanned,
        ["newlyOverdue"] = NewlyOverdue,
        ["newlyDueSoon"] = NewlyDueSoon,
        ["cleared"] = Cleared,
        ["flagWrites"] = FlagWrites,
        ["notifications"] = Notifications,
        ["failures"] = Failures,
    };
}
