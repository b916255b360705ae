namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The columns of the network's budget-assignment list, by their names in the settings
/// (<c>SharePoint__Fields__BudgetAssignments__{Column}</c>); each is also its default internal name.
/// </summary>
public static class BudgetAssignmentColumns
{
    public const string List = "BudgetAssignments";

    public const string DiaryNumber = "DiaryNumber";
    public const string Title = "Title";
    public const string BudgetYear = "BudgetYear";
    public const string ResponsibleBoard = "ResponsibleBoard";
    public const string Partners = "Partners";
    public const string Deadline = "Deadline";
    public const string Status = "Status";
    public const string LastActivity = "LastActivity";
    public const string CaseLink = "CaseLink";

    /// <summary>The network's own column: read by nobody here, and never written.</summary>
    public const string Comment = "Comment";

    /// <summary>Every column the case system is master of, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Synced = [DiaryNumber, Title, BudgetYear, ResponsibleBoard, Partners, Deadline, Status, LastActivity, CaseLink];
}
