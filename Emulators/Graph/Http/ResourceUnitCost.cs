using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// What SharePoint charges an app for a Graph operation, in resource units: 1 for a single-item read (a site,
/// a list, a drive, an item or its fields, a drive item, its listItem or its content redirect) and a delta call
/// with a token; 2 for a listing (items, lists, drives, columns, children) and a delta without a token; 2 for every
/// create, update, delete or upload. Nothing for a <c>$batch</c> envelope (its operations are charged one by one),
/// for the Teams routes, and for anything outside <c>/v1.0</c> (the pre-authenticated download and upload URLs).
/// </summary>
internal static class ResourceUnitCost
{
    public const int SingleRead = 1;
    public const int MultiRead = 2;
    public const int Write = 2;

    private static readonly HashSet<string> Collections = new(StringComparer.OrdinalIgnoreCase) { "lists", "drives", "columns", "items", "children", "sites" };

    public static int Of(string method, string path, IQueryCollection query)
    {
        var s = path.Trim('/').Split('/');
        if (s.Length < 2 || !Is(s[0], "v1.0") || Is(s[1], BatchEndpoint.Segment) || !(Is(s[1], "sites") || Is(s[1], "drives")))
        {
            return 0;
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return Write;
        }

        var last = s[^1];
        if (DeltaFeed.IsCall(last, out var pathToken))
        {
            return pathToken is not null || query.ContainsKey("token") ? SingleRead : MultiRead;
        }

        return Collections.Contains(last) ? MultiRead : SingleRead;
    }

    private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);
}
