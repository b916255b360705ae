using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// <c>POST /sites/{id}/lists</c> (a <c>genericList</c> or <c>documentLibrary</c>, with its columns) and
/// <c>POST /sites/{id}/lists/{id}/columns</c>, answered as Graph answers: 201 with the new resource,
/// 409 <c>nameAlreadyExists</c> for a title or column name the list already has, 400 for a definition
/// it does not take, 403 <c>accessDenied</c> where the site refuses schema changes
/// (<see cref="SharePointSite.RefusesSchemaChanges"/>). A created list is a list like any other: the
/// syncs read it, and a library is a drive as well.
/// </summary>
internal static class SchemaEndpoints
{
    public static async Task<IResult> CreateList(StandInContext context, HttpContext http, string siteId)
    {
        if (ListAddress.TryResolveSite(context, siteId, out var site) is { } error)
        {
            return error;
        }

        if (site!.RefusesSchemaChanges)
        {
            return AccessDenied();
        }

        using var body = await ReadObjectAsync(http);
        if (body is null)
        {
            return GraphErrors.BadRequest("The request body must be a JSON object.");
        }

        var root = body.RootElement;
        var displayName = root.TryGetProperty("displayName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return GraphErrors.BadRequest("The list's 'displayName' is required.");
        }

        var template = root.TryGetProperty("list", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("template", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : "genericList";
        if (template is not ("genericList" or "documentLibrary"))
        {
            return GraphErrors.BadRequest($"The Graph stand-in creates lists from the genericList and documentLibrary templates, not '{template}'.");
        }

        var columns = new List<ListColumn>();
        if (root.TryGetProperty("columns", out var definitions) && definitions.ValueKind == JsonValueKind.Array)
        {
            foreach (var definition in definitions.EnumerateArray())
            {
                if (ColumnDefinitionJson.Read(definition, site, out var problem) is not { } column)
                {
                    return GraphErrors.BadRequest(problem!);
                }

                if (Taken(column.Name, columns) || SystemColumns.IsSystem(column.Name) || column.Name.Equals("Title", StringComparison.OrdinalIgnoreCase))
                {
                    return NameConflict($"A duplicate field name \"{column.Name}\" was found.");
                }

                columns.Add(column);
            }
        }

        SharePointList list;
        try
        {
            list = template == "documentLibrary" ? site.AddDocumentLibrary(displayName).List : site.AddList(displayName);
        }
        catch (InvalidOperationException)
        {
            return NameConflict("A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.");
        }

        columns.ForEach(c => list.DefineColumn(c));
        return new GraphJsonResult(201, writer => SiteJsonWriter.WriteList(writer, list, $"{context.BaseUrl}/$metadata#sites('{site.Id}')/lists/$entity"));
    }

    public static async Task<IResult> CreateColumn(StandInContext context, HttpContext http, string siteId, string listRef)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        if (list!.Site.RefusesSchemaChanges)
        {
            return AccessDenied();
        }

        using var body = await ReadObjectAsync(http);
        if (body is null)
        {
            return GraphErrors.BadRequest("The request body must be a JSON object.");
        }

        if (ColumnDefinitionJson.Read(body.RootElement, list.Site, out var problem) is not { } column)
        {
            return GraphErrors.BadRequest(problem!);
        }

        if (Taken(column.Name, list.Columns) || SystemColumns.IsSystem(column.Name))
        {
            return NameConflict($"A duplicate field name \"{column.Name}\" was found.");
        }

        list.DefineColumn(column);
        return new GraphJsonResult(201, writer => new ColumnJsonWriter(list, null).Write(writer, column));
    }

    private static bool Taken(string name, IEnumerable<ListColumn> columns) =>
        columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IResult NameConflict(string message) => GraphErrors.Result(409, "nameAlreadyExists", message);

    private static IResult AccessDenied() =>
        GraphErrors.Result(403, "accessDenied", "Either scp or roles claim need to be present in the token, or the app lacks the permission to manage this site.");

    private static async Task<JsonDocument?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
