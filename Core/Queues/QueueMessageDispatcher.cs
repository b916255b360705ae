using System.Text.Json;
using Integration.Core.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Queues;

/// <summary>
/// The one entry for queue work: reads a message's kind and schema version, hands it to the
/// handler registered for that kind, and records it as a run step when it is one. The Functions
/// queue triggers and the CLI's WebJobs host both forward here.
/// </summary>
public sealed class QueueMessageDispatcher(IServiceProvider services, IEnumerable<MessageRegistration> registrations, RunSteps steps)
{
    private readonly IReadOnlyList<MessageRegistration> _registrations = registrations.ToList();

    /// <summary>Queues that have a consumer; run-once drains these and no others.</summary>
    public IReadOnlyList<string> ConsumedQueues => _registrations.Select(r => r.Queue).Distinct().ToList();

    /// <exception cref="InvalidQueueMessageException">The message cannot be read; retries will not help, so it ends in the poison queue.</exception>
    public Task DispatchAsync(string queue, string text, long dequeueCount, CancellationToken ct, string? messageId = null)
    {
        MessageEnvelope envelope;
        try
        {
            envelope = QueueSender.Parse<MessageEnvelope>(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidQueueMessageException($"A message on {queue} is not JSON: {ex.Message}", ex);
        }

        // Messages written before the envelope existed have no kind: they are the queue's one kind.
        var onQueue = _registrations.Where(r => r.Queue == queue).ToList();
        var registration = envelope.Kind is null
            ? (onQueue.Count == 1 ? onQueue[0] : null)
            : onQueue.FirstOrDefault(r => r.Kind == envelope.Kind);
        if (registration is null)
        {
            throw new InvalidQueueMessageException($"No consumer for a message of kind '{envelope.Kind ?? "(none)"}' on {queue}.");
        }

        if (envelope.SchemaVersion > registration.Version)
        {
            throw new InvalidQueueMessageException($"A {registration.Kind} message has schema version {envelope.SchemaVersion}; this version reads up to {registration.Version}. It was written by a newer deployment.");
        }

        return registration.Handle(services, steps, text, new MessageContext(queue, dequeueCount, messageId), ct);
    }
}

/// <summary>A message that no retry can make readable.</summary>
public sealed class InvalidQueueMessageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One kind of message and how it is handled.</summary>
public sealed record MessageRegistration(
    string Kind,
    string Queue,
    int Version,
    Func<IServiceProvider, RunSteps, string, MessageContext, CancellationToken, Task> Handle);

public static class MessageHandlerRegistration
{
    /// <summary>Registers the handler of one kind of message: one line per consumer.</summary>
    public static IServiceCollection AddMessageHandler<TMessage, THandler>(this IServiceCollection services)
        where TMessage : IQueueMessage
        where THandler : class, IMessageHandler<TMessage>
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton(new MessageRegistration(TMessage.MessageKind, TMessage.Queue, TMessage.CurrentVersion, HandleAsync<TMessage, THandler>));
        return services;
    }

    private static async Task HandleAsync<TMessage, THandler>(IServiceProvider services, RunSteps steps, string text, MessageContext context, CancellationToken ct)
        where TMessage : IQueueMessage
        where THandler : class, IMessageHandler<TMessage>
    {
        TMessage message;
        try
        {
            message = QueueSender.Parse<TMessage>(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidQueueMessageException($"A {TMessage.MessageKind} message cannot be read: {ex.Message}", ex);
        }

        var handler = services.GetRequiredService<THandler>();
        if (message is IRunStepMessage step)
        {
            await steps.RunAsync(step.RunId, step.StepName, (int)context.DequeueCount, (earlier, token) => handler.HandleAsync(message, context with { EarlierAttempt = earlier }, token), ct);
        }
        else
        {
            await handler.HandleAsync(message, context, ct);
        }
    }
}
