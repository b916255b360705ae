using System.Globalization;

namespace Integration.Emulators.Graph.Http;

/// <summary>Absolute URLs and OData contexts for one list, pointing back at this stand-in as Graph's point at Graph.</summary>
internal sealed class ListLinks(string baseUrl, SharePointList list)
{
    // Built once per response: every item of a page names its fields context.
    private readonly string ListUrl = $"{baseUrl}/sites/{list.Site.Id}/lists/{list.Id}";

    private readonly string ListContext = $"{baseUrl}/$metadata#sites('{list.Site.Id}')/lists('{list.Id}')";

    public string ItemsContext => $"{ListContext}/items";

    public string ItemContext => $"{ListContext}/items/$entity";

    public string DeltaContext => $"{baseUrl}/$metadata#Collection(listItem)";

    public string FieldsContext(int itemId) =>
        string.Create(CultureInfo.InvariantCulture, $"{ListContext}/items('{itemId}')/fields/$entity");

    public string ItemsPage(ItemQuery query, string skipToken) =>
        ODataOptions.WithQuery($"{ListUrl}/items", query.ToQueryString(), "$skiptoken=" + Uri.EscapeDataString(skipToken));

    /// <summary>A delta URL; without a token it starts a fresh enumeration (what a 410 points to).</summary>
    public string Delta(ItemQuery query, string? token) =>
        ODataOptions.WithQuery($"{ListUrl}/items/delta", query.ToQueryString(), token is null ? "" : "token=" + token);
}
