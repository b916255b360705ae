using Integration.Core.Sync;

namespace Integration.Core.Queues;

/// <summary>Does the work of one kind of message. A throw leaves retry and the poison queue to the host.</summary>
public interface IMessageHandler<in TMessage> where TMessage : IQueueMessage
{
    /// <summary>The work; for a <see cref="IRunStepMessage"/> its result is recorded as the run's step.</summary>
    Task<StepResult> HandleAsync(TMessage message, MessageContext context, CancellationToken ct);
}

/// <summary>Where a message came from, how often it was tried, and its id on the queue (the same on every redelivery).</summary>
public sealed record MessageContext(string Queue, long DequeueCount, string? MessageId = null)
{
    /// <summary>For a <see cref="IRunStepMessage"/>: the step's row as an earlier attempt left it (failed, with what it had done), or null.</summary>
    public SyncRunRecord? EarlierAttempt { get; init; }
}

/// <summary>A message that is one step of a night's run; a step that finished is not done again.</summary>
public interface IRunStepMessage
{
    string RunId { get; }

    string StepName { get; }
}
