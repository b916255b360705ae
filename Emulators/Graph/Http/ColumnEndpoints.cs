using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary><c>GET /sites/{id}/lists/{id-or-name}/columns</c>: the list's columns, one page, as Graph gives a list's tens of them.</summary>
internal static class ColumnEndpoints
{
    public static IResult List(StandInContext context, HttpContext http, string siteId, string listRef)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        var query = http.Request.Query;
        if (ODataOptions.TryRefuseUnsupported(query, out var refused))
        {
            return GraphErrors.BadRequest(refused);
        }

        foreach (var option in new[] { "top", "expand" })
        {
            if (ODataOptions.Value(query, option) is not null)
            {
                return GraphErrors.BadRequest($"The Graph stand-in does not support ${option} on columns.");
            }
        }

        var select = ODataOptions.Value(query, "select") is { } text ? ODataOptions.SplitList(text) : null;
        if (select?.FirstOrDefault(p => !ColumnJsonWriter.IsProperty(p)) is { } unknown)
        {
            return GraphErrors.BadRequest($"Could not find a property named '{unknown}' on type 'microsoft.graph.columnDefinition'.");
        }

        var columns = new ColumnJsonWriter(list!, select);
        var listed = list!.Columns.Where(columns.Lists).ToList();
        var selected = select is null ? "" : $"({string.Join(',', select)})";
        return new GraphJsonResult(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{context.BaseUrl}/$metadata#sites('{list.Site.Id}')/lists('{list.Id}')/columns{selected}");
            writer.WriteStartArray("value");
            foreach (var column in listed)
            {
                columns.Write(writer, column);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
