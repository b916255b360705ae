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
    public static async IAsyncEnumerable<FeedPage<TItem>> PagesAsync<TItem>(
        GraphServiceClient graph,
        RequestInformation first,
        Func<string, RequestInformation> next,
        Func<JsonElement, TItem> parse,
        string what,
        [EnumeratorCancellation] CancellationToken ct)
    {
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

            request = nextLink is null ? null : next(nextLink);
            yield return page;
        }
    }

    private static string? Link(JsonElement root, string name) =>
        root.TryGetProperty(name, out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
}
