using Integration.Core.CaseSystem;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// A budget assignment (budgetuppdrag): a task the city council gave a board in the city budget,
/// kept as a case in the case system, which is its master. The action plan follows from one.
/// </summary>
/// <param name="Partners">The boards and companies it is shared with (samverkansparter).</param>
/// <param name="Deadline">When it is due; null when the case gives none, which is allowed.</param>
/// <param name="Closed">The case is closed: the assignment is done, and is still kept and shown.</param>
/// <param name="LastActivity">When the case last changed in the case system.</param>
/// <param name="CaseLink">The case in the case system's web client.</param>
public sealed record BudgetAssignment(
    DiaryNumber DiaryNumber,
    string Title,
    int BudgetYear,
    string? ResponsibleBoard,
    IReadOnlyList<string> Partners,
    DateOnly? Deadline,
    string? Status,
    bool Closed,
    DateTimeOffset? LastActivity,
    string? CaseLink)
{
    /// <summary>The row key: the canonical diary number, escaped for Table storage.</summary>
    public string Id => BudgetAssignmentKeys.Of(DiaryNumber);
}
