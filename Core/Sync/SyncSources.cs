namespace Integration.Core.Sync;

/// <summary>The sources a nightly run covers, in the order the summary lists them.</summary>
public static class SyncSources
{
    public const string PlanItems = "PlanItems";
    public const string MeetingNotes = "MeetingNotes";
    public const string BudgetAssignments = "BudgetAssignments";
    public const string Enterprises = "Enterprises";

    public static IReadOnlyList<string> All { get; } = [PlanItems, MeetingNotes, BudgetAssignments, Enterprises];
}
