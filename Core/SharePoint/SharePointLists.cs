using System.Net;
using System.Runtime.CompilerServices;
using Integration.Core.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Core.SharePoint;

/// <summary>
/// The SharePoint reads and writes the syncs need, through the Graph SDK. Kept small so a sync
/// engine reads as business logic, and so a different list host would be one class.
/// </summary>
public sealed class SharePointLists(GraphServiceClient graph, IOptions<SharePointOptions> options)
{
    /// <summary>The hidden list that maps person-column lookup ids to accounts.</summary>
    public const string UserInformationList = "User Information List";

    private string SiteId => options.Value.SiteId
        ?? throw new InvalidOperationException("SharePoint__SiteId is not configured.");

    /// <summary>Graph accepts a list's id or display name; the id is what stays stable.</summary>
    public async Task<string> ResolveListIdAsync(string idOrDisplayName, CancellationToken ct)
    {
        var list = await graph.Sites[SiteId].Lists[idOrDisplayName]
            .GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct);
        return list?.Id ?? throw new InvalidOperationException($"SharePoint list '{idOrDisplayName}' was not found on the site.");
    }

    /// <summary>
    /// Pages of a list's delta feed, starting from a saved delta link or from scratch. Pages are
    /// yielded as they arrive so memory stays flat whatever the list size.
    /// </summary>
    /// <param name="fields">Columns to return; SharePoint sends dozens of system columns otherwise.</param>
    public async IAsyncEnumerable<DeltaPage> ReadDeltaAsync(string listId, string? deltaLink, IReadOnlyCollection<string> fields, [EnumeratorCancellation] CancellationToken ct)
    {
        var delta = graph.Sites[SiteId].Lists[listId].Items.Delta;
        var next = deltaLink;
        var first = true;
        while (first || next is not null)
        {
            Microsoft.Graph.Sites.Item.Lists.Item.Items.Delta.DeltaGetResponse? page;
            try
            {
                page = next is null
                    ? await delta.GetAsDeltaGetResponseAsync(r =>
                    {
                        r.QueryParameters.Expand = [$"fields($select={string.Join(',', fields)})"];
                        r.QueryParameters.Top = options.Value.PageSize;
                    }, ct)
                    : await delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: ct);
            }
            catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Gone)
            {
                throw new DeltaResyncRequiredException($"SharePoint expired the delta token for list {listId} ({error.Error?.Code}).", error);
            }

            first = false;
            next = page?.OdataNextLink;
            yield return new DeltaPage(page?.Value ?? [], next is null ? page?.OdataDeltaLink : null);
        }
    }

    /// <summary>Looks a person column's lookup id up in the site's User Information List.</summary>
    public async Task<SiteUser?> GetSiteUserAsync(string lookupId, CancellationToken ct)
    {
        try
        {
            var item = await graph.Sites[SiteId].Lists[UserInformationList].Items[lookupId]
                .GetAsync(r => r.QueryParameters.Expand = ["fields"], ct);
            return item is null ? null : new SiteUser(lookupId, FieldValues.GetText(item.Fields?.AdditionalData, "EMail"));
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Writes field values of one item (PATCH …/items/{id}/fields).</summary>
    public async Task UpdateFieldsAsync(string listId, string itemId, IDictionary<string, object> values, CancellationToken ct)
    {
        await graph.Sites[SiteId].Lists[listId].Items[itemId].Fields
            .PatchAsync(new FieldValueSet { AdditionalData = values }, cancellationToken: ct);
    }
}
