namespace Integration.Core.Queues;

/// <summary>Asks a worker to sync one source as part of a run. Redelivery is safe: see <c>SourceSyncHandler</c>.</summary>
public sealed record SyncSourceMessage(string RunId, string Source);
