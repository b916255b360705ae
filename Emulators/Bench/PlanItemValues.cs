namespace Integration.Emulators.Bench;

/// <summary>One generated plan item.</summary>
internal sealed record PlanItemValues(
    string Title,
    string Goal,
    string ResponsibleBody,
    int OwnerLookupId,
    DateOnly? DueDate,
    string Status,
    string CaseNumber,
    string BudgetAssignment);

/// <summary>The plan-item list's default internal column names (docs/plan-items.md, "The plan-item list").</summary>
internal static class PlanItemColumns
{
    public const string Title = "Title";
    public const string Goal = "Goal";
    public const string ResponsibleBody = "ResponsibleBody";

    /// <summary>A person column: items carry only <see cref="OwnerLookupId"/>.</summary>
    public const string Owner = "Owner";

    /// <summary>The person column Owner, as Graph gives it: only the lookup id, a string.</summary>
    public const string OwnerLookupId = "OwnerLookupId";
    public const string DueDate = "DueDate";
    public const string Status = "Status";
    public const string CaseNumber = "CaseNumber";
    public const string BudgetAssignment = "BudgetAssignment";

    /// <summary>Written by the backend's overdue scan; no item carries it until then.</summary>
    public const string OverdueFlag = "OverdueFlag";

    /// <summary>Written by the backend's Indicators step for a goal that names an indicator.</summary>
    public const string IndicatorValue = "IndicatorValue";

    /// <summary>Written by the backend's sync: what is wrong with the item, in Swedish.</summary>
    public const string DataProblem = "DataProblem";
}
