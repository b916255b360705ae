using Integration.Core.Queues;

namespace Integration.Core.Sync;

/// <summary>Asks a worker to sync one source as part of a run. Redelivery is safe: see <c>SourceSyncHandler</c>.</summary>
public sealed record SyncSourceMessage(string RunId, string Source) : IQueueMessage, IRunStepMessage
{
    public static string MessageKind => "sync-source";

    public static int CurrentVersion => 1;

    public static string Queue => QueueNames.SyncSource;

    public string Kind => MessageKind;

    public int SchemaVersion { get; init; } = CurrentVersion;

    string IRunStepMessage.StepName => Source;
}
