using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Drive delta on a library's root, in every form (<c>/root/delta</c>, <c>/items/root/delta()</c>,
/// <c>microsoft.graph.delta()</c>, <c>delta(token='…')</c>, <c>?token=</c>). It pages the library's list changes
/// (see <see cref="DeltaFeed"/>); an enumeration from scratch leads with the root.
/// </summary>
internal static class DriveDeltaEndpoint
{
    public static IResult Get(StandInContext context, HttpContext http, string driveId, string itemRef, string? pathToken)
    {
        if (DriveAddress.TryResolve(context, driveId, out var library) is { } missing)
        {
            return missing;
        }

        if (!library!.TryResolve(itemRef, out var id))
        {
            return GraphErrors.NotFound();
        }

        // SharePoint tracks changes for a whole library only.
        if (id != DriveTree.RootId)
        {
            return GraphErrors.BadRequest("Delta is only supported on the root of a document library.");
        }

        if (!DriveQuery.TryParse(http.Request.Query, delta: true, out var query, out var problem))
        {
            return GraphErrors.BadRequest(problem);
        }

        var list = library.List;
        var links = new DriveLinks(context, library);
        if (DeltaFeed.TryStart(list, http.Request, pathToken, links.Delta(query, token: null), unknownTokenIsGone: true, out var start) is { } refused)
        {
            return refused;
        }

        // The root takes one place of the first page, so $top still bounds the page.
        var withRoot = start!.BeginsFullEnumeration;
        var page = DeltaFeed.Read(list, start, query.PageSize(context.Options.MaxPageSize) - (withRoot ? 1 : 0));
        var writer = new DriveItemJsonWriter(library, DriveTree.Of(list), links, query);
        return DeltaFeed.Result(
            links.DeltaContext,
            json =>
            {
                if (withRoot)
                {
                    writer.WriteRoot(json, single: false);
                }

                foreach (var item in page.Items.Where(i => i.Document is not null))
                {
                    writer.WriteItem(json, item, single: false);
                }
            },
            page.NextToken is { } next ? links.Delta(query, next) : null,
            page.DeltaToken is { } delta ? links.Delta(query, delta) : null);
    }
}
