using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>Sorts a Graph request into a <see cref="RequestKind"/> by its route, as the endpoints would route it.</summary>
internal static class RequestClassifier
{
    public static RequestKind Classify(SharePointState state, string method, string path)
    {
        // v1.0 / sites / {site} / lists / {list} / items / {item} / fields
        var s = path.Trim('/').Split('/');
        if (s is [var version, var batch] && Is(version, "v1.0") && Is(batch, BatchEndpoint.Segment))
        {
            return HttpMethods.IsPost(method) ? RequestKind.Batch : RequestKind.Other;
        }

        if (s.Length < 3 || !Is(s[0], "v1.0"))
        {
            return RequestKind.Other;
        }

        var get = HttpMethods.IsGet(method);
        if (Is(s[1], "drives"))
        {
            return get ? DriveRead(s) : RequestKind.Other;
        }

        if (!Is(s[1], "sites"))
        {
            return RequestKind.Other;
        }

        // A site's drives are its libraries seen as drives: reading them costs what reading its lists does.
        if (s.Length > 3 && Is(s[3], "drives"))
        {
            return get && s.Length <= 5 ? RequestKind.List : RequestKind.Other;
        }

        if (s.Length > 3 && !Is(s[3], "lists"))
        {
            return RequestKind.Other;
        }

        return s.Length switch
        {
            3 when get => RequestKind.Site,
            4 or 5 when get => RequestKind.List,
            6 when get && Is(s[5], "items") => RequestKind.Items,
            // A list's columns are read like the list itself: one small request, metadata only.
            6 when get && Is(s[5], "columns") => RequestKind.List,
            7 when get && Is(s[5], "items") => DeltaFeed.IsCall(s[6], out _) ? RequestKind.Delta : ItemRead(state, s[2], s[4]),
            8 when Is(s[5], "items") && Is(s[7], "fields") && HttpMethods.IsPatch(method) => RequestKind.FieldsPatch,
            8 when get && Is(s[5], "items") && Is(s[7], "fields") => ItemRead(state, s[2], s[4]),
            _ => RequestKind.Other,
        };
    }

    // v1.0 / drives / {drive} / (root | items / {item}) / (delta… | content | listItem)
    private static RequestKind DriveRead(string[] s) => s.Length switch
    {
        3 => RequestKind.List,
        4 when Is(s[3], "root") => RequestKind.Item,
        5 when Is(s[3], "root") => DeltaFeed.IsCall(s[4], out _) ? RequestKind.Delta : RequestKind.Item,
        5 when Is(s[3], "items") => RequestKind.Item,
        6 when Is(s[3], "items") => DeltaFeed.IsCall(s[5], out _) ? RequestKind.Delta : RequestKind.Item,
        _ => RequestKind.Other,
    };

    // Reading a person's entry is what a sync does once per owner, so it is counted apart from plan-item reads.
    private static RequestKind ItemRead(SharePointState state, string siteId, string listRef) =>
        string.Equals(listRef, SharePointSite.UserInformationListName, StringComparison.OrdinalIgnoreCase)
        || state.FindSite(siteId)?.FindList(listRef)?.Kind == ListKind.UserInformation
            ? RequestKind.UserLookup
            : RequestKind.Item;

    private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);
}
