using Integration.Core.Queues;
using Integration.Core.Sync;

namespace Integration.Core.Notifications;

/// <summary>
/// Takes events off the <c>notifications</c> queue, one to a message or packed, and keeps them as
/// pending; nothing is sent here. A night's events arrive in any order and in parallel, and the
/// network wants one digest a night, so the digest is built later from what is pending
/// (<see cref="NotificationDigestHandler"/>). A redelivered message writes the same rows again.
/// </summary>
public sealed class PendingNotificationHandler(PendingNotifications pending)
    : IMessageHandler<NotificationMessage>, IMessageHandler<NotificationBatchMessage>
{
    public async Task<StepResult> HandleAsync(NotificationMessage message, MessageContext context, CancellationToken ct)
    {
        if (!HasEventId(message))
        {
            throw new InvalidQueueMessageException(NoEventId(message));
        }

        await pending.RecordAsync(message, ct);
        return Recorded(1);
    }

    /// <summary>
    /// A pack's events with an id are recorded; one without is named in the error that sends the pack to
    /// the poison queue, where <c>replay</c> finds it (the others, recorded again, change nothing).
    /// </summary>
    public async Task<StepResult> HandleAsync(NotificationBatchMessage message, MessageContext context, CancellationToken ct)
    {
        var events = message.Events ?? [];
        var valid = events.Where(HasEventId).ToList();
        await pending.RecordAsync(valid, ct);
        if (valid.Count < events.Count)
        {
            throw new InvalidQueueMessageException(
                $"{events.Count - valid.Count} of a pack's {events.Count} notifications could not be sent exactly once: "
                + string.Join("; ", events.Where(e => !HasEventId(e)).Select(NoEventId)));
        }

        return Recorded(valid.Count);
    }

    private static bool HasEventId(NotificationMessage message) => !string.IsNullOrWhiteSpace(message.EventId);

    private static string NoEventId(NotificationMessage message) =>
        $"A notification about {message.Source} item {message.ItemId} has no event id, so it could not be sent exactly once.";

    private static StepResult Recorded(int count) => StepResult.Succeeded(new Dictionary<string, int> { ["pending"] = count });
}
