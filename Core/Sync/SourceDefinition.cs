using Integration.Core.Configuration;

namespace Integration.Core.Sync;

/// <summary>
/// A source as its module registers it: its name (as run-once, status and reset name it), the
/// setting that names its list or library, and the source whose step of the same night it waits
/// for, if any (see <see cref="PredecessorWait"/>).
/// </summary>
public sealed record SourceDefinition(string Name, string SettingKey, Func<SharePointOptions, string?> Reference, string? After = null)
{
    /// <summary>A source on a SharePoint list, set by <c>SharePoint__Lists__{name}</c>.</summary>
    public static SourceDefinition List(string name, string? after = null) =>
        new(name, $"{SharePointOptions.Section}__Lists__{name}", o => o.List(name), after);

    /// <summary>A source on a document library, set by <c>SharePoint__Libraries__{name}</c>.</summary>
    public static SourceDefinition Library(string name, string? after = null) =>
        new(name, $"{SharePointOptions.Section}__Libraries__{name}", o => o.Library(name), after);

    public bool IsConfigured(SharePointOptions options) => !string.IsNullOrWhiteSpace(Reference(options));
}
