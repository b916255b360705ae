using System.Text.Json;
using Integration.Core.Sync;

namespace Integration.Core.SharePoint;

/// <summary>
/// A file of a document library as a drive delta feed gives it. SharePoint sends only the
/// <c>quickXorHash</c> (no SHA-256), no <c>cTag</c> and no path; any change, a rename too, changes
/// the <c>eTag</c>, and new content changes the hash. The library's own columns are not here:
/// drive delta cannot expand the list item, so a source reads them separately (<see cref="DriveItemFields"/>).
/// </summary>
public sealed record DriveFile(
    string Id,
    bool Deleted,
    string? Name,
    long? Size,
    string? ETag,
    string? QuickXorHash,
    string? MimeType,
    DateTimeOffset? LastModified,
    string? WebUrl,
    string RawJson) : IFeedItem
{
    public string? Unreadable { get; private init; }

    public string ToJson() => RawJson;

    /// <summary>A file whose JSON .NET cannot take: kept as its raw text, for quarantine.</summary>
    public static DriveFile FromUnreadable(JsonElement item, Exception error) =>
        new(FeedJson.IdOf(item), false, null, null, null, null, null, null, null, item.GetRawText())
        {
            Unreadable = $"Graph sent this file in a form that cannot be read: {error.Message}",
        };

    /// <summary>Reads an item of a drive delta page; null for the root and folders, which are not files.</summary>
    public static DriveFile? Parse(JsonElement item)
    {
        var id = item.TryGetProperty("id", out var idValue) ? idValue.ToString() : "";
        var deleted = item.TryGetProperty("deleted", out _);
        if (!deleted && !item.TryGetProperty("file", out _)) return null;

        string? Text(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var file = item.TryGetProperty("file", out var f) ? f : default;
        var hashes = file.ValueKind == JsonValueKind.Object && file.TryGetProperty("hashes", out var h) ? h : default;
        long? size = item.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : null;
        DateTimeOffset? modified = item.TryGetProperty("lastModifiedDateTime", out var m) && m.TryGetDateTimeOffset(out var at) ? at : null;
        return new DriveFile(id, deleted, Text(item, "name"), size, Text(item, "eTag"), Text(hashes, "quickXorHash"), Text(file, "mimeType"), modified, Text(item, "webUrl"), item.GetRawText());
    }
}
