namespace Integration.Core.Sync;

/// <summary>Runs a delta source on the engine for the queue worker.</summary>
public sealed class DeltaSourceSync<TItem, TRecord>(IDeltaSource<TItem, TRecord> source, DeltaSyncEngine engine) : ISourceSync
    where TItem : IFeedItem
{
    public string Source => source.Name;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(source.Reference) && source.MissingSetting is null;

    public string? MissingSetting => source.MissingSetting;

    public Task<SyncCounts> RunAsync(string runId, CancellationToken ct) => engine.RunAsync(source, runId, ct);
}
