using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integration.Emulators.Graph.Http;

/// <summary>The Graph v1.0 routes the stand-in serves (SharePoint, and the Teams activity feed), and SharePoint's download URL; anything else gets Graph's 404.</summary>
internal static class GraphEndpoints
{
    private const string List = "/sites/{siteId}/lists/{listRef}";
    private const string Item = List + "/items/{itemRef}";
    private const string Drive = "/drives/{driveId}";

    public static void Map(IEndpointRouteBuilder app, StandInContext context)
    {
        var v1 = app.MapGroup("/v1.0");
        v1.MapPost("/" + BatchEndpoint.Segment, (HttpContext http) => BatchEndpoint.PostAsync(context, http));
        v1.MapGet("/sites/{siteId}", (string siteId) => SiteEndpoints.GetSite(context, siteId));
        v1.MapGet("/sites/{siteId}/lists", (string siteId) => SiteEndpoints.GetLists(context, siteId));
        v1.MapGet(List, (string siteId, string listRef) => SiteEndpoints.GetList(context, siteId, listRef));
        v1.MapGet(List + "/columns", (HttpContext http, string siteId, string listRef) =>
            ColumnEndpoints.List(context, http, siteId, listRef));
        v1.MapPost("/sites/{siteId}/lists", (HttpContext http, string siteId) => SchemaEndpoints.CreateList(context, http, siteId));
        v1.MapPost(List + "/columns", (HttpContext http, string siteId, string listRef) =>
            SchemaEndpoints.CreateColumn(context, http, siteId, listRef));
        v1.MapGet(List + "/items", (HttpContext http, string siteId, string listRef) =>
            ItemEndpoints.List(context, http, siteId, listRef));
        v1.MapPost(List + "/items", (HttpContext http, string siteId, string listRef) =>
            ItemEndpoints.Create(context, http, siteId, listRef));
        v1.MapGet(Item, (HttpContext http, string siteId, string listRef, string itemRef) =>
            ItemEndpoints.GetItemOrDelta(context, http, siteId, listRef, itemRef));
        v1.MapDelete(Item, (HttpContext http, string siteId, string listRef, string itemRef) =>
            ItemEndpoints.Delete(context, http, siteId, listRef, itemRef));
        v1.MapGet(Item + "/fields", (HttpContext http, string siteId, string listRef, string itemRef) =>
            ItemEndpoints.GetFields(context, http, siteId, listRef, itemRef));
        v1.MapPatch(Item + "/fields", (HttpContext http, string siteId, string listRef, string itemRef) =>
            ItemEndpoints.PatchFields(context, http, siteId, listRef, itemRef));
        v1.MapGet("/sites/{siteId}/drives", (string siteId) => DriveEndpoints.List(context, siteId));
        v1.MapGet("/sites/{siteId}/drives/{driveId}", (string siteId, string driveId) => DriveEndpoints.Get(context, siteId, driveId));
        v1.MapGet(Drive, (string driveId) => DriveEndpoints.Get(context, siteId: null, driveId));
        // The root answers by its own name as well as by its item id.
        v1.MapGet(Drive + "/root", (HttpContext http, string driveId) => DriveEndpoints.GetItem(context, http, driveId, "root"));
        v1.MapGet(Drive + "/root/{part}", (HttpContext http, string driveId, string part) =>
            DriveEndpoints.GetItemPart(context, http, driveId, "root", part));
        v1.MapGet(Drive + "/items/{itemRef}", (HttpContext http, string driveId, string itemRef) =>
            DriveEndpoints.GetItem(context, http, driveId, itemRef));
        v1.MapGet(Drive + "/items/{itemRef}/{part}", (HttpContext http, string driveId, string itemRef, string part) =>
            DriveEndpoints.GetItemPart(context, http, driveId, itemRef, part));
        v1.MapPatch(Drive + "/items/{itemRef}/listItem/fields", (HttpContext http, string driveId, string itemRef) =>
            DriveEndpoints.PatchListItemFields(context, http, driveId, itemRef));
        // Uploads by path (root:/{name}:/content, root:/{name}:/createUploadSession) and the session's slices.
        v1.MapPut(Drive + "/{**rest}", (HttpContext http, string driveId, string rest) => UploadEndpoints.HandleAsync(context, http, driveId, rest));
        v1.MapPost(Drive + "/{**rest}", (HttpContext http, string driveId, string rest) => UploadEndpoints.HandleAsync(context, http, driveId, rest));
        app.MapPut(UploadEndpoints.SessionPath + "/{session}", (HttpContext http, string session) => UploadEndpoints.PutSliceAsync(context, http, session));
        // Teams: the Graph SDK sends the action's plain name; the qualified form is accepted as Graph does.
        v1.MapPost("/users/{user}/teamwork/" + TeamsActivityFeed.Action, (HttpContext http, string user) => ActivityFeedEndpoints.SendAsync(context, http, user));
        v1.MapPost("/users/{user}/teamwork/microsoft.graph." + TeamsActivityFeed.Action, (HttpContext http, string user) => ActivityFeedEndpoints.SendAsync(context, http, user));
        // SharePoint's side, outside Graph: where a file's content redirects.
        app.MapGet(DownloadEndpoint.Path, (HttpContext http) => DownloadEndpoint.Get(context, http));
        ControlEndpoints.Map(app, context);
        app.MapFallback((HttpContext http) =>
        {
            var segment = http.Request.Path.Value?.TrimEnd('/').Split('/')[^1];
            return GraphErrors.NotFound($"Resource not found for the segment '{segment}'.");
        });
    }
}
