namespace Integration.Core.Sync;

/// <summary>One source's sync engine. A source is run by a queue message, so a run must be safe to repeat.</summary>
public interface ISourceSync
{
    string Source { get; }

    /// <summary>False when the source's list, library or endpoint is not configured: the run skips it.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// When <see cref="IsConfigured"/> is false, the setting whose absence keeps the source from
    /// running, named in the run's summary; null names the source's own list or library setting.
    /// </summary>
    string? MissingSetting => null;

    Task<SyncCounts> RunAsync(string runId, CancellationToken ct);
}
