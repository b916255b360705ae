namespace Integration.Core.PlanItems;

/// <summary>The flag the backend keeps on a plan item and writes back to SharePoint.</summary>
public enum OverdueState
{
    None,
    DueSoon,
    Overdue,
}

public static class OverdueStateText
{
    /// <summary>The text written to the SharePoint flag column; empty clears it.</summary>
    public static string ToFlag(this OverdueState state) => state == OverdueState.None ? "" : state.ToString();

    public static OverdueState FromFlag(string? flag) =>
        Enum.TryParse<OverdueState>(flag, ignoreCase: true, out var state) ? state : OverdueState.None;
}
