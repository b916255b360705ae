using System.Text.Json;
using Integration.Core.Storage;

namespace Integration.Core.Queues;

/// <summary>
/// Sends JSON messages. The queue clients are configured for base64 text, which is what the
/// Functions queue trigger expects by default (host.json <c>messageEncoding: base64</c>).
/// </summary>
public sealed class QueueSender(IntegrationStorage storage)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends a message to its kind's queue; its JSON carries <c>kind</c> and <c>schemaVersion</c>.</summary>
    public async Task SendAsync<T>(T message, CancellationToken ct) where T : IQueueMessage
    {
        var client = await storage.QueueAsync(T.Queue, ct);
        await client.SendMessageAsync(JsonSerializer.Serialize(message, Json), ct);
    }

    public static T Parse<T>(string text) =>
        JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException($"Empty {typeof(T).Name} message.");
}
