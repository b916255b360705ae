using System.Text.Json;

namespace Integration.Core.SharePoint;

/// <summary>Reading one item of a Graph page so that its failure is its own, not the page's.</summary>
internal static class FeedJson
{
    /// <summary>
    /// Parses one item; an item .NET cannot read (System.Text.Json refuses an escaped lone
    /// surrogate such as <c>"\ud800"</c>, on every try) becomes an unreadable item that goes to
    /// quarantine with its raw text, and the rest of the page goes on.
    /// </summary>
    public static Func<JsonElement, TItem> Tolerant<TItem>(Func<JsonElement, TItem> parse, Func<JsonElement, Exception, TItem> unreadable) =>
        item =>
        {
            try
            {
                return parse(item);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or ArgumentException)
            {
                return unreadable(item, ex);
            }
        };

    /// <summary>The item's id as text, even when it is not a readable string.</summary>
    public static string IdOf(JsonElement item)
    {
        if (!item.TryGetProperty("id", out var id)) return "";
        try
        {
            return id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : id.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return id.GetRawText();
        }
    }
}
