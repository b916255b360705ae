using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// List item delta in every documented form: <c>delta</c>, <c>delta()</c>, <c>microsoft.graph.delta()</c>,
/// <c>delta(token='…')</c> and <c>?token=…</c> (also <c>latest</c>). The last page carries the deltaLink;
/// an expired token answers 410 Gone with a fresh start in <c>Location</c>.
/// </summary>
internal static class DeltaEndpoint
{
    private const string FunctionNamespace = "microsoft.graph.";

    private const string ResyncMessage =
        "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service "
        + "was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.";

    /// <summary>Whether the segment after <c>/items/</c> calls delta, and the token it carries in the path, if any.</summary>
    public static bool IsDelta(string segment, out string? token)
    {
        token = null;
        var call = segment.StartsWith(FunctionNamespace, StringComparison.OrdinalIgnoreCase) ? segment[FunctionNamespace.Length..] : segment;
        if (!call.StartsWith("delta", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var arguments = call["delta".Length..];
        if (arguments is "" or "()")
        {
            return true;
        }

        const string TokenArgument = "(token=";
        if (!arguments.StartsWith(TokenArgument, StringComparison.OrdinalIgnoreCase) || !arguments.EndsWith(')'))
        {
            return false;
        }

        token = arguments[TokenArgument.Length..^1].Trim('\'');
        return true;
    }

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
        var token = pathToken ?? http.Request.Query["token"].FirstOrDefault();
        if (string.Equals(token, "latest", StringComparison.OrdinalIgnoreCase))
        {
            var latest = new DeltaToken(list!.DeltaEpoch, list.LatestSequence, Round: null);
            return Page(list, links, query, [], links.Delta(query, latest.Encode(list.Guid)), nextLink: null);
        }

        DeltaToken start;
        if (string.IsNullOrEmpty(token))
        {
            start = new DeltaToken(list!.DeltaEpoch, Since: 0, Round: null);
        }
        else if (DeltaToken.TryDecode(token, list!.Guid) is { } decoded)
        {
            if (decoded.Epoch != list.DeltaEpoch)
            {
                return GraphErrors.Result(410, "resyncRequired", ResyncMessage, location: links.Delta(query, token: null));
            }

            start = decoded;
        }
        else
        {
            return GraphErrors.BadRequest("The delta token is not valid.");
        }

        var round = start.Round ?? list.BeginDelta(start.Since);
        var page = list.ReadDelta(round, query.PageSize(context.Options.MaxPageSize));
        return page.Next is { } next
            ? Page(list, links, query, page.Items, deltaLink: null, links.Delta(query, (start with { Round = next }).Encode(list.Guid)))
            : Page(list, links, query, page.Items, links.Delta(query, new DeltaToken(start.Epoch, page.Upper, null).Encode(list.Guid)), nextLink: null);
    }

    private static GraphJsonResult Page(
        SharePointList list, ListLinks links, ItemQuery query, IReadOnlyList<ListItemRecord> items, string? deltaLink, string? nextLink)
    {
        var writer = new ItemJsonWriter(list, links, query);
        return new GraphJsonResult(200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", links.DeltaContext);
            json.WriteStartArray("value");
            foreach (var item in items)
            {
                writer.WriteItem(json, item);
            }

            json.WriteEndArray();
            WriteLink(json, "@odata.nextLink", nextLink);
            WriteLink(json, "@odata.deltaLink", deltaLink);
            json.WriteEndObject();
        });
    }

    private static void WriteLink(Utf8JsonWriter json, string name, string? link)
    {
        if (link is not null)
        {
            json.WriteString(name, link);
        }
    }
}
