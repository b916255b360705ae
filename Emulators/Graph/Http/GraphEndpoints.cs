using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integration.Emulators.Graph.Http;

/// <summary>The Graph v1.0 routes the stand-in serves; anything else gets Graph's 404.</summary>
internal static class GraphEndpoints
{
    private const string List = "/sites/{siteId}/lists/{listRef}";
    private const string Item = List + "/items/{itemRef}";

    public static void Map(IEndpointRouteBuilder app, StandInContext context)
    {
        var v1 = app.MapGroup("/v1.0");
        v1.MapGet("/sites/{siteId}", (string siteId) => SiteEndpoints.GetSite(context, siteId));
        v1.MapGet("/sites/{siteId}/lists", (string siteId) => SiteEndpoints.GetLists(context, siteId));
        v1.MapGet(List, (string siteId, string listRef) => SiteEndpoints.GetList(context, siteId, listRef));
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
        ControlEndpoints.Map(app, context);
        app.MapFallback((HttpContext http) =>
        {
            var segment = http.Request.Path.Value?.TrimEnd('/').Split('/')[^1];
            return GraphErrors.NotFound($"Resource not found for the segment '{segment}'.");
        });
    }
}
