using Integration.Core.Configuration;

namespace Integration.Core.Sync;

/// <summary>
/// A source as its module registers it: its name (as run-once, status and reset name it), the
/// setting that names its list or library, and the source whose step of the same night it waits
/// for, if any (see <see cref="PredecessorWait"/>).
/// </summary>
public sealed record SourceDefinition(string Name, string SettingKey, Func<SharePointOptions, string?> Reference, string? After = null)
{
    public bool IsConfigured(SharePointOptions options) => !string.IsNullOrWhiteSpace(Reference(options));
}
