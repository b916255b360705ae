namespace Integration.Core.Queues;

/// <summary>
/// One event for the network's Teams digest, on the <c>notifications</c> queue. It carries ids
/// and public plan text only; the sender looks the owner up in the PlanItems table, so no email
/// sits in a queue. <see cref="EventId"/> is deterministic, so a consumer can drop a repeat.
/// </summary>
/// <param name="Kind"><c>PlanItemOverdue</c> or <c>PlanItemDueSoon</c>.</param>
/// <param name="DaysOverdue">Days past the due date when detected (0 or less for due soon).</param>
public sealed record NotificationMessage(
    int SchemaVersion,
    string EventId,
    string Kind,
    string Source,
    string ItemId,
    string Title,
    string? ResponsibleBody,
    string OwnerLookupId,
    DateOnly DueDate,
    int DaysOverdue,
    string? CaseNumber,
    DateTimeOffset DetectedAt);
