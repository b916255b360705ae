using Integration.Core.Configuration;

namespace Integration.Core.Sync;

/// <summary>
/// The one list of sources a night covers, in the order the summary lists them, each with the
/// setting that configures it. Whether a source is built is whether an <see cref="ISourceSync"/>
/// is registered for it.
/// </summary>
public static class SyncSources
{
    public const string PlanItems = "PlanItems";
    public const string MeetingNotes = "MeetingNotes";
    public const string BudgetAssignments = "BudgetAssignments";
    public const string Enterprises = "Enterprises";
    public const string Agreements = "Agreements";

    public static IReadOnlyList<SourceDefinition> All { get; } =
    [
        new(PlanItems, "SharePoint__Lists__PlanItems", o => o.Lists.PlanItems),
        new(MeetingNotes, "SharePoint__Libraries__MeetingNotes", o => o.Libraries.MeetingNotes),
        new(BudgetAssignments, "SharePoint__Lists__BudgetAssignments", o => o.Lists.BudgetAssignments),
        new(Enterprises, "SharePoint__Lists__Enterprises", o => o.Lists.Enterprises),
        // An agreement names its enterprise: synced after the enterprises, the night's new
        // enterprises are there for it (see PredecessorWait).
        new(Agreements, "SharePoint__Lists__Agreements", o => o.Lists.Agreements, After: Enterprises),
    ];

    public static IEnumerable<string> Names => All.Select(s => s.Name);

    public static SourceDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}

/// <summary>
/// A source: its name, the setting that names its list or library, and the source whose step of the
/// same night it waits for, if any.
/// </summary>
public sealed record SourceDefinition(string Name, string SettingKey, Func<SharePointOptions, string?> Reference, string? After = null)
{
    public bool IsConfigured(SharePointOptions options) => !string.IsNullOrWhiteSpace(Reference(options));
}
