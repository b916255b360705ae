using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>
/// How urgent a plan-item event is, in the three steps the network escalates by: due soon, overdue,
/// and overdue for more than <c>Teams__EscalationDays</c>, from which the coordinator is told too.
/// Events of other kinds (meeting notes, register warnings) have no step.
/// </summary>
public enum EscalationStep
{
    None,
    DueSoon,
    Overdue,
    Escalated,
}

public static class EscalationSteps
{
    public static EscalationStep Of(NotificationMessage message) => message.Event switch
    {
        NotificationEvents.PlanItemOverdue when message.PlanItem is { IsEscalated: true } => EscalationStep.Escalated,
        NotificationEvents.PlanItemOverdue => EscalationStep.Overdue,
        NotificationEvents.PlanItemDueSoon => EscalationStep.DueSoon,
        _ => EscalationStep.None,
    };
}
