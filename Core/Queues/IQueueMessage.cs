namespace Integration.Core.Queues;

/// <summary>
/// A message on one of our queues. Its JSON carries <c>kind</c> and <c>schemaVersion</c>, so a
/// consumer knows what it holds and refuses a version it does not understand, loudly, instead of
/// guessing.
/// </summary>
public interface IQueueMessage
{
    /// <summary>What the message is, e.g. <c>sync-source</c>; one handler per kind.</summary>
    static abstract string MessageKind { get; }

    /// <summary>The version this code writes; it reads this one and every older one it names.</summary>
    static abstract int CurrentVersion { get; }

    /// <summary>The queue the kind travels on.</summary>
    static abstract string Queue { get; }

    string Kind { get; }

    int SchemaVersion { get; }
}

/// <summary>The part of every message the dispatcher reads before it knows the type.</summary>
public sealed record MessageEnvelope(string? Kind, int SchemaVersion);
