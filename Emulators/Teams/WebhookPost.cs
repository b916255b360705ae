using System.Text.Json.Nodes;

namespace Integration.Emulators.Teams;

/// <summary>
/// One request the webhook accepted, as it arrived: the body text, its JSON when it parsed, the
/// answer it got, and what the flow would have failed on afterwards (out of the sender's sight).
/// </summary>
public sealed record WebhookPost(DateTimeOffset ReceivedAt, string Body, JsonNode? Json, int Status, IReadOnlyList<string> Problems)
{
    /// <summary>The Adaptive Cards of the message's attachments, in order.</summary>
    public IReadOnlyList<JsonObject> Cards =>
        Json?["attachments"] is JsonArray attachments
            ? attachments.Select(a => a?["content"]).OfType<JsonObject>().ToList()
            : [];

    /// <summary>Size of the body in UTF-8 bytes, as the flow counts it.</summary>
    public int Bytes => System.Text.Encoding.UTF8.GetByteCount(Body);
}
