using System.Globalization;

namespace Integration.Emulators.Graph;

/// <summary>
/// One version of a list item, or its tombstone. Immutable: a change makes a new record,
/// so a response can be written from records outside the list's lock.
/// </summary>
internal sealed record ListItemRecord(
    int Id,
    Guid UniqueId,
    int Version,
    long Sequence,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    FieldSet Fields,
    bool Deleted)
{
    /// <summary>The file or folder behind an item of a document library; null in other lists.</summary>
    public DocumentEntry? Document { get; init; }

    // A page writes each item's eTag more than once; a record made with `with` carries the cache
    // along, so it is keyed by what the eTag is made of.
    private ETagCache? _etag;

    /// <summary>SharePoint's item eTag: <c>"{GUID},version"</c>, quotes included.</summary>
    public string ETag
    {
        get
        {
            if (_etag is { } cached && cached.UniqueId == UniqueId && cached.Version == Version) return cached.Value;
            var value = string.Create(CultureInfo.InvariantCulture, $"\"{{{UniqueId.ToString().ToUpperInvariant()}}},{Version}\"");
            _etag = new ETagCache(UniqueId, Version, value);
            return value;
        }
    }

    private sealed record ETagCache(Guid UniqueId, int Version, string Value);

    /// <summary>
    /// Whether an If-Match value names this version. Clients send the eTag with or without its quotes,
    /// braces or a weak prefix; <c>*</c> matches any version.
    /// </summary>
    public bool MatchesETag(string ifMatch)
    {
        var value = ifMatch.Trim();
        if (value == "*")
        {
            return true;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        var bare = value.Trim('"').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        return string.Equals(bare, string.Create(CultureInfo.InvariantCulture, $"{UniqueId},{Version}"), StringComparison.OrdinalIgnoreCase);
    }
}
