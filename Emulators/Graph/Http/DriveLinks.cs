namespace Integration.Emulators.Graph.Http;

/// <summary>Absolute URLs, paths and OData contexts for one drive, pointing back at this stand-in as Graph's point at Graph.</summary>
internal sealed class DriveLinks(StandInContext context, DocumentLibrary library)
{
    private readonly string driveUrl = $"{context.BaseUrl}/drives/{library.DriveId}";

    public string DriveContext => $"{context.BaseUrl}/$metadata#drives/$entity";

    public string ItemContext => $"{context.BaseUrl}/$metadata#drives('{library.DriveId}')/items/$entity";

    public string DeltaContext => $"{context.BaseUrl}/$metadata#Collection(driveItem)";

    public string ListItemContext(string itemId) => $"{context.BaseUrl}/$metadata#drives('{library.DriveId}')/items('{itemId}')/listItem/$entity";

    /// <summary>A delta URL in the form SharePoint hands out; without a token it starts a fresh enumeration (what a 410 points to).</summary>
    public string Delta(DriveQuery query, string? token) =>
        ODataOptions.WithQuery($"{driveUrl}/root/delta", query.ToQueryString(), token is null ? "" : "token=" + token);

    /// <summary><c>parentReference.path</c> of an item in the folder with these names: <c>/drives/{id}/root:</c> then <c>/Name</c> per folder.</summary>
    public string ParentPath(IReadOnlyList<string> folderNames) =>
        $"/drives/{library.DriveId}/root:" + string.Concat(folderNames.Select(n => "/" + n));

    /// <summary>The item's address on the site, as a browser would open it.</summary>
    public string WebUrl(IReadOnlyList<string> folderNames, string name) =>
        library.WebUrl + string.Concat(folderNames.Append(name).Select(n => "/" + Uri.EscapeDataString(n)));

    /// <summary>
    /// A pre-authenticated download URL on the SharePoint side, in the shape SharePoint gives: no Graph token is
    /// needed, the <c>tempauth</c> value is the authority.
    /// </summary>
    public string Download(ListItemRecord file) =>
        $"{context.Origin}{DownloadEndpoint.Path}?UniqueId={file.UniqueId}&tempauth={DownloadEndpoint.TempAuth(library, file.Id)}&ApiVersion=2.0";
}
