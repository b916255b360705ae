using Integration.Core.Notifications;

namespace Integration.Core.Storage;

/// <summary>
/// The names of the Table storage tables the backend owns, in one place. Each is created on first use;
/// the module that writes a table registers it (<see cref="StorageTableRegistration.AddTables"/>), and
/// the registered ones are what the deployment creates.
/// </summary>
public static class TableNames
{
    /// <summary>Action-plan items copied from SharePoint: one partition (<c>plan-items</c>), keyed by SharePoint item id; deleted items stay as tombstones.</summary>
    public const string PlanItems = "PlanItems";

    /// <summary>Delta links per source, saved only after what they cover is stored.</summary>
    public const string DeltaCheckpoints = "DeltaCheckpoints";

    /// <summary>Source items that could not be taken in, with reason and raw payload.</summary>
    public const string Quarantine = "Quarantine";

    /// <summary>
    /// What the night last told the network is wrong with each source item, in Swedish: one partition per
    /// source, one row per item with a problem open; the row goes when the item is fixed or deleted.
    /// </summary>
    public const string DataProblems = "DataProblems";

    /// <summary>One partition per night's run, one row per step (each source, the overdue scan): outcome, counts, duration.</summary>
    public const string SyncRuns = "SyncRuns";

    /// <summary>Notification events enqueued, so each is enqueued once.</summary>
    public const string NotificationLedger = "NotificationLedger";

    /// <summary>Notification events received from the queue and not yet delivered everywhere: the night's digest is built from them.</summary>
    public const string NotificationEvents = "NotificationEvents";

    /// <summary>The delivery ledger: one row per event and recipient (the channel, later each person), written after the send.</summary>
    public const string NotificationDeliveries = "NotificationDeliveries";

    /// <summary>Emails of the site's users by person-column lookup id, so each owner costs one Graph call a week, not one a night.</summary>
    public const string SiteUsers = "SiteUsers";

    /// <summary>The meeting-notes library: each file as it is now, and every archived version with its registration state.</summary>
    public const string MeetingNotes = "MeetingNotes";

    /// <summary>Budget assignments read from the case system: one partition, one row per diary number; cases that left the filter stay as tombstones.</summary>
    public const string BudgetAssignments = "BudgetAssignments";

    /// <summary>The social-enterprise register: one row per list item (partition <c>enterprises</c>), and which item holds which number (<c>number-holders</c>).</summary>
    public const string Enterprises = "Enterprises";

    /// <summary>Agreements between the city and the enterprises: one row per list item (<c>agreements</c>), and those waiting on their enterprise (<c>waiting</c>).</summary>
    public const string Agreements = "Agreements";

    /// <summary>The company register's answers, one row per enterprise (partition <c>answers</c>): number, status, name and when it was read, so an enterprise is asked about at most weekly.</summary>
    public const string RegistryAnswers = "RegistryAnswers";

    /// <summary>The plan's indicators as a dated time series: one partition per Stockholm day (<c>yyyy-MM-dd</c>), one row per indicator; a rerun the same day replaces that day's rows.</summary>
    public const string Indicators = "Indicators";
}
