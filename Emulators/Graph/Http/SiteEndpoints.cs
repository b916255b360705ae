using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary><c>/sites/{id}</c>, <c>/sites/{id}/lists</c> and <c>/sites/{id}/lists/{id-or-name}</c>.</summary>
internal static class SiteEndpoints
{
    public static IResult GetSite(StandInContext context, string siteId)
    {
        if (ListAddress.TryResolveSite(context, siteId, out var site) is { } error)
        {
            return error;
        }

        return new GraphJsonResult(200, writer => SiteJsonWriter.WriteSite(writer, site!, $"{context.BaseUrl}/$metadata#sites/$entity"));
    }

    /// <summary>Hidden lists, the User Information List among them, are left out as Graph leaves them out; they answer by name.</summary>
    public static IResult GetLists(StandInContext context, string siteId)
    {
        if (ListAddress.TryResolveSite(context, siteId, out var site) is { } error)
        {
            return error;
        }

        var lists = site!.Lists.Where(l => !l.Hidden).ToList();
        return new GraphJsonResult(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{context.BaseUrl}/$metadata#sites('{site.Id}')/lists");
            writer.WriteStartArray("value");
            foreach (var list in lists)
            {
                SiteJsonWriter.WriteList(writer, list);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static IResult GetList(StandInContext context, string siteId, string listRef)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        return new GraphJsonResult(200, writer => SiteJsonWriter.WriteList(
            writer, list!, $"{context.BaseUrl}/$metadata#sites('{list!.Site.Id}')/lists/$entity"));
    }
}
