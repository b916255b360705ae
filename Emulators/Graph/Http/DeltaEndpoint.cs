using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// List item delta in every documented form (see <see cref="DeltaFeed"/>). The last page carries the deltaLink;
/// an expired token answers 410 Gone with a fresh start in <c>Location</c>.
/// </summary>
internal static class DeltaEndpoint
{
    public static IResult Get(StandInContext context, HttpContext http, string siteId, string listRef, string? pathToken)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        if (!ItemQuery.TryParse(http.Request.Query, out var query, out var problem))
        {
            return GraphErrors.BadRequest(problem);
        }

        var links = new ListLinks(context.BaseUrl, list!);
        if (DeltaFeed.TryStart(list!, http.Request, pathToken, links.Delta(query, token: null), unknownTokenIsGone: false, out var start) is { } refused)
        {
            return refused;
        }

        var page = DeltaFeed.Read(list!, start!, query.PageSize(context.Options.MaxPageSize));
        var writer = new ItemJsonWriter(list!, links, query);
        return DeltaFeed.Result(
            links.DeltaContext,
            json =>
            {
                foreach (var item in page.Items)
                {
                    writer.WriteItem(json, item);
                }
            },
            page.NextToken is { } next ? links.Delta(query, next) : null,
            page.DeltaToken is { } delta ? links.Delta(query, delta) : null);
    }
}
