using System.Text.Json;
using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>
/// Several <see cref="NotificationMessage"/> events in one message on the <c>notifications</c> queue, for a
/// step that finds hundreds at once (the first overdue scan after a full sync): a message per event is what
/// such a step would wait on. Each event keeps its own id, so a redelivered pack records the same events again.
/// </summary>
public sealed record NotificationBatchMessage(IReadOnlyList<NotificationMessage> Events) : IQueueMessage
{
    /// <summary>
    /// A queue message is at most 64 KiB of base64 text, so 48 KiB of JSON; a pack stays well under that, and
    /// at a hundred events, one table transaction when it is recorded.
    /// </summary>
    public const int MaxJsonBytes = 40 * 1024;

    public const int MaxEvents = 100;

    public static string MessageKind => "notification-batch";

    public static int CurrentVersion => 1;

    public static string Queue => QueueNames.Notifications;

    public string Kind => MessageKind;

    public int SchemaVersion { get; init; } = CurrentVersion;

    /// <summary>Sends events in packs, one pack after the other; a pack the queue refuses stops the rest with its error.</summary>
    public static async Task SendAsync(QueueSender queue, IEnumerable<NotificationMessage> events, CancellationToken ct)
    {
        foreach (var pack in Pack(events, e => e)) await queue.SendAsync(new NotificationBatchMessage(pack), ct);
    }

    /// <summary>
    /// Cuts events into packs in their order, each within <see cref="MaxJsonBytes"/> and <see cref="MaxEvents"/>.
    /// An event is never split; one event is far smaller than a pack (its texts are clipped where it is made).
    /// </summary>
    public static IReadOnlyList<List<T>> Pack<T>(IEnumerable<T> items, Func<T, NotificationMessage> message)
    {
        // What the envelope adds around the events: kind, schema version and the array's brackets.
        const int Envelope = 128;
        var packs = new List<List<T>>();
        List<T>? current = null;
        var bytes = Envelope;
        foreach (var item in items)
        {
            var size = JsonSerializer.SerializeToUtf8Bytes(message(item), QueueSender.Json).Length + 1;
            if (current is null || current.Count == MaxEvents || bytes + size > MaxJsonBytes)
            {
                current = [];
                packs.Add(current);
                bytes = Envelope;
            }

            current.Add(item);
            bytes += size;
        }

        return packs;
    }
}
