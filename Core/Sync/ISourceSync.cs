namespace Integration.Core.Sync;

/// <summary>One source's sync engine. A source is run by a queue message, so a run must be safe to repeat.</summary>
public interface ISourceSync
{
    string Source { get; }

    /// <summary>False when the source's list, library or endpoint is not configured: the run skips it.</summary>
    bool IsConfigured { get; }

    Task<SyncCounts> RunAsync(string runId, CancellationToken ct);
}
