using System.Text.Json;
using Integration.Core.Notifications;
using Integration.Core.Queues;

namespace Integration.Functions.Tests.Harness;

/// <summary>The events a message on the <c>notifications</c> queue carries: one, or a pack of them.</summary>
public static class QueuedNotifications
{
    public static IReadOnlyList<NotificationMessage> Events(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("kind", out var kind) && kind.GetString() == NotificationBatchMessage.MessageKind
            ? QueueSender.Parse<NotificationBatchMessage>(body).Events
            : [QueueSender.Parse<NotificationMessage>(body)];
    }
}
