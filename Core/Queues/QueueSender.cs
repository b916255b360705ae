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

    public async Task SendAsync<T>(string queue, T message, CancellationToken ct)
    {
        var client = await storage.QueueAsync(queue, ct);
        await client.SendMessageAsync(JsonSerializer.Serialize(message, Json), ct);
    }

    public static T Parse<T>(string text) =>
        JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException($"Empty {typeof(T).Name} message.");
}
