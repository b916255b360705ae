namespace Integration.Core.SharePoint.Pacing;

/// <summary>
/// The Graph client's innermost handler: each attempt (the SDK's retries included, since SharePoint counts
/// throttled calls too) takes its units from the <see cref="ResourceUnitBudget"/> before it goes out, and
/// every answer tells the budget what SharePoint said of its window.
/// </summary>
internal sealed class ResourceUnitPacing(ResourceUnitBudget budget, Uri graphRoot) : DelegatingHandler
{
    private readonly string _root = graphRoot.AbsoluteUri.TrimEnd('/');

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (units, isBatch) = await UnitsAsync(request, cancellationToken);
        await budget.TakeAsync(units, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        // A batch's requests answer with their own headers (GraphBatch reads them); its envelope speaks only when
        // throttled. A download from the URL a /content redirects to is not Graph's and says nothing of its window.
        if (units > 0 && (!isBatch || status is 429 or 503)) budget.Observe(status, response.Headers);
        return response;
    }

    private async Task<(int Units, bool IsBatch)> UnitsAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var url = request.RequestUri?.AbsoluteUri ?? "";
        if (!url.StartsWith(_root, StringComparison.OrdinalIgnoreCase)) return (0, false);
        var path = Uri.UnescapeDataString(url[_root.Length..]);
        if (request.Method == HttpMethod.Post && path.StartsWith("/$batch", StringComparison.OrdinalIgnoreCase) && request.Content is { } content)
        {
            // Buffered by the read, so the body still goes out whole.
            var body = await content.ReadAsByteArrayAsync(ct);
            return (ResourceUnitCost.OfBatch(body), true);
        }

        return (ResourceUnitCost.Of(request.Method.Method, path), false);
    }
}
