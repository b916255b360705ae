namespace Integration.Core.PlanItems;

/// <summary>The logical columns of the plan-item list; each is also its default internal name.</summary>
public static class PlanItemColumns
{
    public const string List = "PlanItems";

    public const string Title = "Title";
    public const string Goal = "Goal";
    public const string ResponsibleBody = "ResponsibleBody";
    public const string Owner = "Owner";
    public const string DueDate = "DueDate";
    public const string Status = "Status";
    public const string CaseNumber = "CaseNumber";
    public const string BudgetAssignment = "BudgetAssignment";

    /// <summary>Written by this backend: "Overdue", "DueSoon" or empty.</summary>
    public const string OverdueFlag = "OverdueFlag";

    /// <summary>Written by this backend: a goal's indicator value against its target (Core/Indicators/PlanItemGoals).</summary>
    public const string IndicatorValue = "IndicatorValue";
}
