using System.Text.Encodings.Web;
using System.Text.Json;
using Integration.Core.Sync;

namespace Integration.Core.SharePoint;

/// <summary>
/// A list item as Graph sends it: its id, whether delta reports it deleted, and its field values
/// as text exactly as SharePoint wrote them (numbers and booleans in their JSON spelling, arrays
/// and objects as JSON). Lookup ids are strings, dates stay ISO strings.
/// </summary>
public sealed record SharePointItem(string Id, bool Deleted, IReadOnlyDictionary<string, string?> Fields) : IFeedItem
{
    private string? _raw;

    public string? Unreadable { get; private init; }
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value of a column as text; null when absent, null or blank.</summary>
    public string? Text(string column) =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The item for the Quarantine table, readable (no <c>\u00e4</c> escapes).</summary>
    public string ToJson() => _raw ?? JsonSerializer.Serialize(new { id = Id, fields = Fields }, Readable);

    /// <summary>An item whose JSON .NET cannot take (a lone surrogate, say): kept as its raw text, for quarantine.</summary>
    public static SharePointItem FromUnreadable(JsonElement item, Exception error) =>
        new(FeedJson.IdOf(item), false, new Dictionary<string, string?>())
        {
            _raw = item.GetRawText(),
            Unreadable = $"Graph sent this item in a form that cannot be read: {error.Message}",
        };

    public static SharePointItem Parse(JsonElement item)
    {
        var id = item.TryGetProperty("id", out var idValue) ? idValue.ToString() : "";
        var deleted = item.TryGetProperty("deleted", out _);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (item.TryGetProperty("fields", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in values.EnumerateObject())
            {
                if (field.Name.StartsWith('@')) continue;
                fields[field.Name] = field.Value.ValueKind switch
                {
                    JsonValueKind.String => field.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => field.Value.GetRawText(),
                    _ => field.Value.GetRawText(),
                };
            }
        }

        return new SharePointItem(id, deleted, fields);
    }

}
