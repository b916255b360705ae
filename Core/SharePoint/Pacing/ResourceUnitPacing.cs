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
        await budget.TakeAsync(await UnitsAsync(request, cancellationToken), cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        budget.Observe((int)response.StatusCode, response.Headers);
        return response;
    }

    private async Task<int> UnitsAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var url = request.RequestUri?.AbsoluteUri ?? "";
        if (!url.StartsWith(_root, StringComparison.OrdinalIgnoreCase)) return 0;
        var path = Uri.UnescapeDataString(url[_root.Length..]);
        if (request.Method == HttpMethod.Post && path.StartsWith("/$batch", StringComparison.OrdinalIgnoreCase) && request.Content is { } content)
        {
            // Buffered by the read, so the body still goes out whole.
            var body = await content.ReadAsByteArrayAsync(ct);
            return ResourceUnitCost.OfBatch(body);
        }

        return ResourceUnitCost.Of(request.Method.Method, path);
    }
}
