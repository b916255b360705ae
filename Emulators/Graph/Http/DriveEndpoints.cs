using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// A site's drives, one drive, one drive item, its list item (for the columns drive delta cannot expand) and its
/// content, which redirects to a pre-authenticated download as SharePoint's does.
/// </summary>
internal static class DriveEndpoints
{
    public static IResult List(StandInContext context, string siteId)
    {
        if (ListAddress.TryResolveSite(context, siteId, out var site) is { } error)
        {
            return error;
        }

        var libraries = site!.DocumentLibraries;
        return new GraphJsonResult(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{context.BaseUrl}/$metadata#drives");
            writer.WriteStartArray("value");
            foreach (var library in libraries)
            {
                SiteJsonWriter.WriteDrive(writer, library);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary><c>/drives/{id}</c>, or <c>/sites/{site}/drives/{id}</c> when <paramref name="siteId"/> is given.</summary>
    public static IResult Get(StandInContext context, string? siteId, string driveId)
    {
        SharePointSite? site = null;
        if (siteId is not null && ListAddress.TryResolveSite(context, siteId, out site) is { } noSite)
        {
            return noSite;
        }

        if (DriveAddress.TryResolve(context, driveId, out var library) is { } error)
        {
            return error;
        }

        if (site is not null && library!.Site != site)
        {
            return GraphErrors.NotFound("The drive could not be found.");
        }

        return new GraphJsonResult(200, writer => SiteJsonWriter.WriteDrive(writer, library!, new DriveLinks(context, library!).DriveContext));
    }

    public static IResult GetItem(StandInContext context, HttpContext http, string driveId, string itemRef)
    {
        if (DriveAddress.TryResolve(context, driveId, out var library) is { } error)
        {
            return error;
        }

        if (DriveAddress.TryResolveItem(library!, itemRef, out var record) is { } missing)
        {
            return missing;
        }

        if (!DriveQuery.TryParse(http.Request.Query, delta: false, out var query, out var problem))
        {
            return GraphErrors.BadRequest(problem);
        }

        var links = new DriveLinks(context, library!);
        var writer = new DriveItemJsonWriter(library!, DriveTree.Of(library!.List), links, query);
        return new GraphJsonResult(200, json =>
        {
            if (record is null)
            {
                writer.WriteRoot(json, single: true, links.ItemContext);
            }
            else
            {
                writer.WriteItem(json, record, single: true, links.ItemContext);
            }
        });
    }

    /// <summary>
    /// A function or navigation after an item: <c>delta</c> in its forms, <c>content</c> or <c>listItem</c>;
    /// anything else is an unknown segment.
    /// </summary>
    public static IResult GetItemPart(StandInContext context, HttpContext http, string driveId, string itemRef, string part)
    {
        if (DeltaFeed.IsCall(part, out var pathToken))
        {
            return DriveDeltaEndpoint.Get(context, http, driveId, itemRef, pathToken);
        }

        if (string.Equals(part, "content", StringComparison.OrdinalIgnoreCase))
        {
            return GetContent(context, driveId, itemRef);
        }

        if (string.Equals(part, "listItem", StringComparison.OrdinalIgnoreCase))
        {
            return GetListItem(context, http, driveId, itemRef);
        }

        return GraphErrors.NotFound($"Resource not found for the segment '{part}'.");
    }

    private static IResult GetContent(StandInContext context, string driveId, string itemRef)
    {
        if (DriveAddress.TryResolve(context, driveId, out var library) is { } error)
        {
            return error;
        }

        if (DriveAddress.TryResolveItem(library!, itemRef, out var record) is { } missing)
        {
            return missing;
        }

        if (record?.Document is not { IsFolder: false })
        {
            return GraphErrors.NotFound("A folder has no content.");
        }

        return Results.Redirect(new DriveLinks(context, library!).Download(record));
    }

    /// <summary><c>PATCH /drives/{d}/items/{i}/listItem/fields</c>: the library columns of a file, written as a list item's.</summary>
    public static async Task<IResult> PatchListItemFields(StandInContext context, HttpContext http, string driveId, string itemRef)
    {
        if (DriveAddress.TryResolve(context, driveId, out var library) is { } error)
        {
            return error;
        }

        if (DriveAddress.TryResolveItem(library!, itemRef, out var record) is { } missing)
        {
            return missing;
        }

        return record is null
            ? GraphErrors.NotFound("The root folder has no list item.")
            : await ItemEndpoints.PatchFieldsAsync(context, http, library!.List, record.Id);
    }

    // The root folder is no list item, so it has none to read.
    private static IResult GetListItem(StandInContext context, HttpContext http, string driveId, string itemRef)
    {
        if (DriveAddress.TryResolve(context, driveId, out var library) is { } error)
        {
            return error;
        }

        if (DriveAddress.TryResolveItem(library!, itemRef, out var record) is { } missing)
        {
            return missing;
        }

        if (record is null)
        {
            return GraphErrors.NotFound("The root folder has no list item.");
        }

        if (!ItemQuery.TryParse(http.Request.Query, out var query, out var problem))
        {
            return GraphErrors.BadRequest(problem);
        }

        var list = library!.List;
        var odataContext = new DriveLinks(context, library).ListItemContext(itemRef);
        return new GraphJsonResult(200, json => new ItemJsonWriter(list, new ListLinks(context.BaseUrl, list), query).WriteItem(json, record, odataContext));
    }
}
