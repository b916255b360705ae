using System.Text.Json.Nodes;

namespace Integration.Core.Notifications;

/// <summary>One post of the channel digest: the message and the events it carries.</summary>
public sealed record DigestPost(JsonObject Message, IReadOnlyList<string> EventIds, int Bytes);

/// <summary>
/// Cuts a night's digest into posts: one, unless one would pass <see cref="CardCheck.MaxMessageBytes"/>;
/// then as few as hold every item, each saying "Del i av n". Items are never cut between posts.
/// </summary>
public static class DigestPosts
{
    /// <summary>The longest part label the packing reserves room for; real labels are no longer.</summary>
    private const int ReservedParts = 999;

    public static IReadOnlyList<DigestPost> Build(DateOnly night, IReadOnlyList<DigestItem> items, int maxBytes = CardCheck.MaxMessageBytes)
    {
        if (items.Count == 0) return [];

        var ordered = items.OrderBy(i => i.Section).ThenByDescending(i => i.Order).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
        var parts = new List<List<DigestItem>>();
        var current = new List<DigestItem>();
        foreach (var item in ordered)
        {
            current.Add(item);
            if (Bytes(DigestCard.Message(night, current, ReservedParts, ReservedParts)) <= maxBytes) continue;

            current.RemoveAt(current.Count - 1);
            if (current.Count == 0)
            {
                throw new InvalidOperationException($"Event {item.EventId} alone makes a message larger than {maxBytes} bytes; its texts are clipped, so this is a defect in the card.");
            }

            parts.Add(current);
            current = [item];
        }

        parts.Add(current);
        return parts.Select((part, index) =>
        {
            var message = parts.Count == 1 ? DigestCard.Message(night, part) : DigestCard.Message(night, part, index + 1, parts.Count);
            return new DigestPost(message, part.Select(i => i.EventId).ToList(), Bytes(message));
        }).ToList();
    }

    public static int Bytes(JsonObject message) => System.Text.Encoding.UTF8.GetByteCount(Json(message));

    /// <summary>
    /// The body as it is posted: å, ä and ö as themselves (UTF-8), not as \u escapes, which would
    /// triple their size against the limit. The body is JSON in a request, never HTML.
    /// </summary>
    public static string Json(JsonObject message) => message.ToJsonString(JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
