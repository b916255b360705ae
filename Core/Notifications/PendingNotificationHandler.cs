using Integration.Core.Queues;
using Integration.Core.Sync;

namespace Integration.Core.Notifications;

/// <summary>
/// Takes one event off the <c>notifications</c> queue and keeps it as pending; nothing is sent
/// here. A night's events arrive one message at a time, in any order and in parallel, and the
/// network wants one digest a night, so the digest is built later from what is pending
/// (<see cref="NotificationDigestHandler"/>). A redelivered event writes the same row again.
/// </summary>
public sealed class PendingNotificationHandler(PendingNotifications pending) : IMessageHandler<NotificationMessage>
{
    public async Task<StepResult> HandleAsync(NotificationMessage message, MessageContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.EventId))
        {
            throw new InvalidQueueMessageException($"A notification about {message.Source} item {message.ItemId} has no event id, so it could not be sent exactly once.");
        }

        await pending.RecordAsync(message, ct);
        return StepResult.Succeeded(new Dictionary<string, int> { ["pending"] = 1 });
    }
}
