using System.Text.Json;

namespace Integration.Core.SharePoint.Pacing;

/// <summary>
/// What a Graph call costs in SharePoint's resource units, by SharePoint's published estimate: 1 for a
/// single-item read, a delta call with a token or a file download; 2 for a multi-item read, a delta call
/// without a token, and every create, update, delete or upload. A JSON batch costs the sum of its
/// requests (batching saves round trips, not units). A call outside Graph (the pre-authenticated URL a
/// download redirects to) is the download already counted.
/// </summary>
public static class ResourceUnitCost
{
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path after the Graph version root (<c>/sites/…</c>), query included.</param>
    public static int Of(string method, string path)
    {
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)) return 2;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var route = Uri.UnescapeDataString(query < 0 ? path : path[..query]).TrimEnd('/');
        var last = route[(route.LastIndexOf('/') + 1)..];
        if (last.StartsWith("delta", StringComparison.OrdinalIgnoreCase) || last.StartsWith("microsoft.graph.delta", StringComparison.OrdinalIgnoreCase))
        {
            // A token in the call or in its query: a page after the first, or a later night's delta link.
            return path.Contains("token", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
        }

        return last.ToLowerInvariant() is "items" or "lists" or "drives" or "columns" or "children" ? 2 : 1;
    }

    /// <summary>The units of a <c>$batch</c> body: the sum of its requests' own.</summary>
    public static int OfBatch(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array) return 0;
        var units = 0;
        foreach (var request in requests.EnumerateArray())
        {
            var method = request.TryGetProperty("method", out var m) ? m.GetString() ?? "GET" : "GET";
            var url = request.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            units += Of(method, url);
        }

        return units;
    }
}
