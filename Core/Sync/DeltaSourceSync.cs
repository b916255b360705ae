namespace Integration.Core.Sync;

/// <summary>
/// Runs a delta source on the engine for the queue worker, then the work other features follow
/// the read with, if any (the registry check after the enterprises, say). A failed read throws
/// before them.
/// </summary>
public sealed class DeltaSourceSync<TItem, TRecord>(
    IDeltaSource<TItem, TRecord> source,
    DeltaSyncEngine engine,
    IReadOnlyList<Func<SyncCounts, CancellationToken, Task>> followUps,
    Func<IReadOnlyList<Problems.IRecordWarnings<TRecord>>>? warnings = null) : ISourceSync
    where TItem : IFeedItem
{
    public string Source => source.Name;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(source.Reference) && source.MissingSetting is null;

    public string? MissingSetting => source.MissingSetting;

    public async Task<SyncCounts> RunAsync(string runId, CancellationToken ct)
    {
        var counts = await engine.RunAsync(source, runId, ct, warnings?.Invoke());
        foreach (var followUp in followUps) await followUp(counts, ct);
        return counts;
    }
}
