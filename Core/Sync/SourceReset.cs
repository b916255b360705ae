using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync;

/// <summary>
/// Makes a source's next run a full read: deletes its delta checkpoint and its digest, under the
/// source's lease so a run in progress cannot save its checkpoint over the reset. Data rows,
/// archived blobs, registrations and quarantine entries stay: the full read compares against them
/// (the digest is rebuilt from the table), so it writes only what really differs.
/// </summary>
public sealed partial class SourceReset(SyncSources sources, SourceLocks locks, DeltaCheckpointStore checkpoints, SyncDigestStore digests, ILogger<SourceReset> logger)
{
    /// <exception cref="ArgumentException">Not a source name.</exception>
    /// <exception cref="SourceBusyException">A run held the source longer than the lease wait.</exception>
    public async Task<SourceResetResult> ResetAsync(string source, CancellationToken ct)
    {
        if (!sources.Contains(source)) throw new ArgumentException($"Unknown source '{source}'; expected one of {string.Join(", ", sources.Names)}.", nameof(source));

        await using var lease = await locks.AcquireAsync(source, ct);
        var checkpoint = await checkpoints.DeleteAsync(source, ct);
        var digest = await digests.DeleteAsync(source, ct);
        LogReset(source, checkpoint, digest);
        return new SourceResetResult(source, checkpoint, digest);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} reset by an operator (checkpoint deleted: {Checkpoint}, digest deleted: {Digest}); its next run reads it in full.")]
    private partial void LogReset(string source, bool checkpoint, bool digest);
}

/// <summary>What a reset deleted.</summary>
public sealed record SourceResetResult(string Source, bool CheckpointDeleted, bool DigestDeleted);
