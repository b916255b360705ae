using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// What list delta and drive delta share, since a document library's drive is its list underneath: the
/// function segment (<c>delta</c>, <c>delta()</c>, <c>microsoft.graph.delta()</c>, <c>delta(token='…')</c>),
/// the token (also <c>?token=</c> and <c>latest</c>), 410 Gone for an expired one, the round's pages and the
/// page's JSON frame. Only the items' shape and the links differ between the two.
/// </summary>
internal static class DeltaFeed
{
    private const string FunctionNamespace = "microsoft.graph.";

    private const string ResyncMessage =
        "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service "
        + "was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.";

    /// <summary>Whether a path segment calls delta, and the token it carries in the path, if any.</summary>
    public static bool IsCall(string segment, out string? token)
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

    /// <summary>
    /// Where the request starts, or the refusal: 410 <c>resyncRequired</c> with <paramref name="restartUrl"/> in
    /// <c>Location</c> for a token from an earlier epoch. A token that is not this list's at all is a 400, or a
    /// 410 too when <paramref name="unknownTokenIsGone"/>, as drive delta answers it.
    /// </summary>
    public static IResult? TryStart(
        SharePointList list, HttpRequest request, string? pathToken, string restartUrl, bool unknownTokenIsGone, out DeltaStart? start)
    {
        start = null;
        var token = pathToken ?? request.Query["token"].FirstOrDefault();
        if (string.Equals(token, "latest", StringComparison.OrdinalIgnoreCase))
        {
            start = new DeltaStart(new DeltaToken(list.DeltaEpoch, list.LatestSequence, Round: null), Latest: true);
            return null;
        }

        if (string.IsNullOrEmpty(token))
        {
            start = new DeltaStart(new DeltaToken(list.DeltaEpoch, Since: 0, Round: null), Latest: false);
            return null;
        }

        var decoded = DeltaToken.TryDecode(token, list.Guid);
        if (decoded is null && !unknownTokenIsGone)
        {
            return GraphErrors.BadRequest("The delta token is not valid.");
        }

        if (decoded is null || decoded.Epoch != list.DeltaEpoch)
        {
            return GraphErrors.Result(410, "resyncRequired", ResyncMessage, location: restartUrl);
        }

        start = new DeltaStart(decoded, Latest: false);
        return null;
    }

    /// <summary>The next page from <paramref name="start"/>; <c>latest</c> reads nothing and hands out a deltaLink token.</summary>
    public static DeltaFeedPage Read(SharePointList list, DeltaStart start, int pageSize)
    {
        if (start.Latest)
        {
            return new DeltaFeedPage([], NextToken: null, DeltaToken: start.Token.Encode(list.Guid));
        }

        var round = start.Token.Round ?? list.BeginDelta(start.Token.Since);
        var page = list.ReadDelta(round, pageSize);
        return page.Next is { } next
            ? new DeltaFeedPage(page.Items, (start.Token with { Round = next }).Encode(list.Guid), DeltaToken: null)
            : new DeltaFeedPage(page.Items, NextToken: null, new DeltaToken(start.Token.Epoch, page.Upper, null).Encode(list.Guid));
    }

    /// <summary>A delta page: context, the items, then <c>@odata.nextLink</c> or <c>@odata.deltaLink</c>.</summary>
    public static GraphJsonResult Result(string context, Action<Utf8JsonWriter> writeItems, string? nextLink, string? deltaLink) =>
        new(200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", context);
            json.WriteStartArray("value");
            writeItems(json);
            json.WriteEndArray();
            WriteLink(json, "@odata.nextLink", nextLink);
            WriteLink(json, "@odata.deltaLink", deltaLink);
            json.WriteEndObject();
        });

    private static void WriteLink(Utf8JsonWriter json, string name, string? link)
    {
        if (link is not null)
        {
            json.WriteString(name, link);
        }
    }
}

/// <summary>Where a delta request starts: a token (fresh, a deltaLink's or a nextLink's), or <c>latest</c>.</summary>
internal sealed record DeltaStart(DeltaToken Token, bool Latest)
{
    /// <summary>The first page of an enumeration from scratch, the one a drive leads with its root.</summary>
    public bool BeginsFullEnumeration => !Latest && Token.Round is null && Token.Since == 0;
}

/// <summary>One page of a delta round and the token for its link: a nextLink's while the round goes on, else a deltaLink's.</summary>
internal sealed record DeltaFeedPage(IReadOnlyList<ListItemRecord> Items, string? NextToken, string? DeltaToken);
