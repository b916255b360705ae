namespace Integration.Core.PlanItems;

/// <summary>Where an activity in the action plan (handlingsplan) stands.</summary>
public enum PlanItemStatus
{
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

public static class PlanItemStatusExtensions
{
    /// <summary>Done and cancelled items are never overdue.</summary>
    public static bool IsOpen(this PlanItemStatus status) => status is PlanItemStatus.NotStarted or PlanItemStatus.InProgress;
}
