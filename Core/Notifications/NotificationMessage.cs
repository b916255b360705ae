using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>
/// One event for the network's Teams notifications, on the <c>notifications</c> queue. It stands
/// on its own: the sender reads no table to show it. It names the person to tell by their
/// site-user lookup id (never an email: no personal data sits in a queue), and carries the facts
/// to show as plain text. <see cref="EventId"/> is deterministic, so a consumer drops a repeat.
/// </summary>
/// <param name="Event">One of <see cref="NotificationEvents"/>.</param>
/// <param name="RecipientLookupId">The person to tell personally (User Information List id); null for the channel only.</param>
/// <param name="Facts">Label and value pairs, in display order; text from SharePoint, to be shown without markup.</param>
/// <param name="WebUrl">Where the item can be opened, when the source knows it.</param>
/// <param name="PlanItem">The plan item's dates and body, for escalation; set for plan-item events.</param>
public sealed record NotificationMessage(
    string EventId,
    string Event,
    string Source,
    string ItemId,
    string Title,
    string? RecipientLookupId,
    IReadOnlyList<NotificationFact> Facts,
    string? WebUrl,
    DateTimeOffset DetectedAt,
    PlanItemNotice? PlanItem = null) : IQueueMessage
{
    public static string MessageKind => "notification";

    /// <summary>2: the event, recipient and facts replaced version 1's plan-item-only fields.</summary>
    public static int CurrentVersion => 2;

    public static string Queue => QueueNames.Notifications;

    public string Kind => MessageKind;

    public int SchemaVersion { get; init; } = CurrentVersion;
}

/// <summary>A label and a value to show.</summary>
public sealed record NotificationFact(string Label, string Value);

/// <summary>What escalation needs of a plan item: its due date and how late it was when detected.</summary>
/// <param name="DaysOverdue">Days past the due date when detected (0 or less for due soon).</param>
/// <param name="EscalatedAfterDays">
/// Set on the third step, an item overdue for more than this many days (<c>Teams__EscalationDays</c>
/// when detected): the coordinator is told too. Null for due soon and overdue.
/// </param>
public sealed record PlanItemNotice(DateOnly DueDate, int DaysOverdue, string? ResponsibleBody, string? CaseNumber, int? EscalatedAfterDays = null)
{
    public bool IsEscalated => EscalatedAfterDays is not null;
}

/// <summary>The events notifications are sent for. A new kind adds a name here and, if it needs one, a notice record.</summary>
public static class NotificationEvents
{
    public const string PlanItemOverdue = "PlanItemOverdue";
    public const string PlanItemDueSoon = "PlanItemDueSoon";

    /// <summary>A new version of the network's meeting notes was archived (meeting-notes source).</summary>
    public const string MeetingNoteAdded = "MeetingNoteAdded";

    /// <summary>The social-enterprise register has an entry that needs a person's eye (register source).</summary>
    public const string RegisterWarning = "RegisterWarning";

    /// <summary>The night found something wrong with a source item and wrote it, in Swedish, on the item (any SharePoint source).</summary>
    public const string DataProblemFound = "DataProblemFound";

    /// <summary>A column the case system owns was edited in the budget-assignment list and put back (budget-assignment publisher).</summary>
    public const string AssignmentEditReverted = "AssignmentEditReverted";

    /// <summary>A data problem still open after a week, repeated on the reminder day (made by the digest, never queued).</summary>
    public const string DataProblemReminder = "DataProblemReminder";
}
