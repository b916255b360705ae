using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Integration.Core.Sync;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Integration.Core.SharePoint;

/// <summary>
/// Sends Graph requests built by the SDK's request builders through its adapter, so
/// authentication, retries on 429/503 with Retry-After, and Graph's error mapping all apply, and
/// reads the body with System.Text.Json. Kiota's untyped model costs more than the rest of a sync
/// together (every string is tried as a date, every value boxed twice), and at 100,000 items that
/// decides how long a full sync takes.
/// </summary>
internal static class GraphJson
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public static async Task<JsonDocument> SendAsync(GraphServiceClient graph, RequestInformation request, CancellationToken ct)
    {
        request.Headers.TryAdd("Accept", "application/json");
        await using var body = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, ct)
            ?? throw new InvalidOperationException($"Graph answered {request.URI} with no body.");
        return await JsonDocument.ParseAsync(body, cancellationToken: ct);
    }

    /// <summary>
    /// The pages of a delta feed (or of a plain listing): each page's <c>value</c> parsed as it
    /// arrives, <c>@odata.nextLink</c> followed, and the delta link handed out with the last page.
    /// </summary>
    /// <param name="next">Builds the request for a link Graph gave (next or delta link).</param>
    /// <param name="what">Names the feed in an error, e.g. "list 1234".</param>
    /// <param name="maxPages">The most pages the read follows (<c>SharePoint__MaxPages</c>).</param>
    /// <exception cref="FeedLoopException">
    /// A nextLink came twice (the feed leads back to a page it sent), or the feed went on past
    /// <paramref name="maxPages"/>: either way it would never end, and no delta link is handed out.
    /// </exception>
    public static async IAsyncEnumerable<FeedPage<TItem>> PagesAsync<TItem>(
        GraphServiceClient graph,
        RequestInformation first,
        Func<string, RequestInformation> next,
        Func<JsonElement, TItem> parse,
        string what,
        int maxPages,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Every link is new in a feed that moves on. The set is bounded by maxPages.
        var followed = new HashSet<string>(StringComparer.Ordinal);
        RequestInformation? request = first;
        while (request is not null)
        {
            JsonDocument document;
            try
            {
                document = await SendAsync(graph, request, ct);
            }
            catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Gone)
            {
                throw new DeltaResyncRequiredException($"SharePoint expired the delta token for {what} ({error.Error?.Code}).", error);
            }

            FeedPage<TItem> page;
            string? nextLink;
            using (document)
            {
                var root = document.RootElement;
                var items = root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
                    ? value.EnumerateArray().Select(parse).ToList()
                    : [];
                nextLink = Link(root, "@odata.nextLink");
                page = new FeedPage<TItem>(items, nextLink is null ? Link(root, "@odata.deltaLink") : null);
            }

            if (nextLink is not null)
            {
                if (!followed.Add(nextLink))
                {
                    throw new FeedLoopException(
                        $"SharePoint led the read of {what} back to a page it had already sent (the same @odata.nextLink again, after {followed.Count + 1} pages): "
                        + "its paging goes round in circles, so the read stopped before the delta link and nothing was checkpointed. The next night reads again from the last checkpoint.");
                }

                if (followed.Count >= maxPages)
                {
                    throw new FeedLoopException(
                        $"The read of {what} reached {maxPages} pages and SharePoint still sent an @odata.nextLink: the read stopped before the delta link and nothing was checkpointed. "
                        + $"If the list or library really holds more than {maxPages} pages of SharePoint__PageSize items, raise SharePoint__MaxPages (now {maxPages}).");
                }
            }

            request = nextLink is null ? null : next(nextLink);
            yield return page;
        }
    }

    private static string? Link(JsonElement root, string name) =>
        root.TryGetProperty(name, out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
}
