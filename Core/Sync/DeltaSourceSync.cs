namespace Integration.Core.Sync;

/// <summary>
/// Runs a delta source on the engine for the queue worker, then the source's own work after the
/// read, if it has any (the enterprises' registry check, say). A failed read throws before it.
/// </summary>
public sealed class DeltaSourceSync<TItem, TRecord>(
    IDeltaSource<TItem, TRecord> source, DeltaSyncEngine engine, Func<SyncCounts, CancellationToken, Task>? after = null) : ISourceSync
    where TItem : IFeedItem
{
    public string Source => source.Name;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(source.Reference) && source.MissingSetting is null;

    public string? MissingSetting => source.MissingSetting;

    public async Task<SyncCounts> RunAsync(string runId, CancellationToken ct)
    {
        var counts = await engine.RunAsync(source, runId, ct);
        if (after is not null) await after(counts, ct);
        return counts;
    }
}
