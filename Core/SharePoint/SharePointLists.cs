using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Integration.Core.Configuration;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Integration.Core.SharePoint;

/// <summary>
/// The SharePoint reads and writes the syncs need, through the Graph SDK. Kept small so a sync
/// engine reads as business logic, and so a different list host would be one class.
/// </summary>
/// <remarks>Item pages go through <see cref="GraphJson"/>: the SDK's pipeline, System.Text.Json for the body.</remarks>
public sealed class SharePointLists(GraphServiceClient graph, GraphBatch batch, IOptions<SharePointOptions> options)
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

    /// <summary>The list's address in SharePoint, e.g. <c>https://…/Lists/Handlingsplan</c>; an item opens at <c>{it}/DispForm.aspx?ID={id}</c>.</summary>
    public async Task<string?> GetListWebUrlAsync(string idOrDisplayName, CancellationToken ct)
    {
        var list = await graph.Sites[SiteId].Lists[idOrDisplayName]
            .GetAsync(r => r.QueryParameters.Select = ["id", "webUrl"], ct);
        return list?.WebUrl;
    }

    /// <summary>
    /// Pages of a list's delta feed, starting from a saved delta link or from scratch. Pages are
    /// yielded as they arrive so memory stays flat whatever the list size.
    /// </summary>
    /// <param name="fields">Columns to return; SharePoint sends dozens of system columns otherwise.</param>
    public IAsyncEnumerable<FeedPage<SharePointItem>> ReadDeltaAsync(string listId, string? deltaLink, IReadOnlyCollection<string> fields, CancellationToken ct)
    {
        var delta = graph.Sites[SiteId].Lists[listId].Items.Delta;
        var first = deltaLink is null
            ? delta.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Expand = [Select(fields)];
                r.QueryParameters.Top = options.Value.PageSize;
            })
            : delta.WithUrl(deltaLink).ToGetRequestInformation();
        return GraphJson.PagesAsync(graph, first, link => delta.WithUrl(link).ToGetRequestInformation(), ReadItem, $"list {listId}", options.Value.MaxPages, ct);
    }

    /// <summary>
    /// One item with the given columns, or null when the list no longer has it: for a source that
    /// must read again an item the delta feed does not bring (one that waits on another item).
    /// </summary>
    public async Task<SharePointItem?> GetItemAsync(string listId, string itemId, IReadOnlyCollection<string> fields, CancellationToken ct)
    {
        try
        {
            var request = graph.Sites[SiteId].Lists[listId].Items[itemId].ToGetRequestInformation(r => r.QueryParameters.Expand = [Select(fields)]);
            using var document = await GraphJson.SendAsync(graph, request, ct);
            return ReadItem(document.RootElement);
        }
        catch (ApiException error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every item of a list, page by page (no delta): what a full listing costs.</summary>
    public async IAsyncEnumerable<IReadOnlyList<SharePointItem>> ListItemsAsync(string listIdOrName, IReadOnlyCollection<string> fields, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = graph.Sites[SiteId].Lists[listIdOrName].Items;
        var first = items.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Expand = [Select(fields)];
            r.QueryParameters.Top = options.Value.PageSize;
        });
        await foreach (var page in GraphJson.PagesAsync(graph, first, link => items.WithUrl(link).ToGetRequestInformation(), ReadItem, $"list {listIdOrName}", options.Value.MaxPages, ct))
        {
            yield return page.Items;
        }
    }

    /// <summary>
    /// Every entry of the User Information List. A full sync meets most of the site's owners at
    /// once; listing them costs a few requests instead of one per owner.
    /// </summary>
    public async IAsyncEnumerable<SiteUser> ListSiteUsersAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in ListItemsAsync(UserInformationList, ["EMail"], ct))
        {
            foreach (var item in page) yield return new SiteUser(item.Id, item.Text("EMail"));
        }
    }

    /// <summary>Looks a person column's lookup id up in the site's User Information List.</summary>
    public async Task<SiteUser?> GetSiteUserAsync(string lookupId, CancellationToken ct)
    {
        try
        {
            var request = graph.Sites[SiteId].Lists[UserInformationList].Items[lookupId]
                .ToGetRequestInformation(r => r.QueryParameters.Expand = ["fields($select=EMail,Title)"]);
            using var document = await GraphJson.SendAsync(graph, request, ct);
            var item = SharePointItem.Parse(document.RootElement);
            return new SiteUser(lookupId, item.Text("EMail"), item.Text("Title"));
        }
        catch (ApiException error) when (error.ResponseStatusCode is >= 400 and < 500 and not 429)
        {
            // Not found, or an id SharePoint will not look up: either way there is no such user.
            return null;
        }
    }

    /// <summary>
    /// The columns of a list, hidden ones included (Graph leaves them out unless <c>hidden</c> is
    /// selected). Usually one request: a list has tens of columns.
    /// </summary>
    public async Task<IReadOnlyList<SharePointColumn>> ListColumnsAsync(string listId, CancellationToken ct)
    {
        var columns = graph.Sites[SiteId].Lists[listId].Columns;
        var first = columns.ToGetRequestInformation(r => r.QueryParameters.Select = ["name", "displayName", "hidden", "readOnly"]);
        var result = new List<SharePointColumn>();
        await foreach (var page in GraphJson.PagesAsync(graph, first, link => columns.WithUrl(link).ToGetRequestInformation(), SharePointColumn.Parse, $"columns of list {listId}", options.Value.MaxPages, ct))
        {
            result.AddRange(page.Items);
        }

        return result;
    }

    /// <summary>
    /// Writes field values of many items (<c>PATCH …/items/{id}/fields</c> each) in JSON batches, twenty to a
    /// round trip; each item's answer by its id. A 404 (deleted meanwhile) or a refusal is that item's alone.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, GraphAnswer>> UpdateFieldsAsync(string listId, IEnumerable<(string ItemId, IDictionary<string, object> Values)> updates, CancellationToken ct) =>
        await batch.SendAsync([.. updates.Select(u => new GraphCall(u.ItemId,
            graph.Sites[SiteId].Lists[listId].Items[u.ItemId].Fields.ToPatchRequestInformation(new FieldValueSet { AdditionalData = u.Values })))], ct);

    /// <summary>
    /// Creates items (<c>POST …/items</c> with <c>{"fields":{…}}</c> each) in JSON batches. Each answer is under
    /// the key given with its values; a created item's id is <see cref="CreatedId"/> of its answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, GraphAnswer>> CreateItemsAsync(string listId, IEnumerable<(string Key, IDictionary<string, object> Values)> items, CancellationToken ct) =>
        await batch.SendAsync([.. items.Select(i => new GraphCall(i.Key,
            graph.Sites[SiteId].Lists[listId].Items.ToPostRequestInformation(new ListItem { Fields = new FieldValueSet { AdditionalData = i.Values } })))], ct);

    /// <summary>The id of the item a create answered with; null when it answered without one.</summary>
    public static string? CreatedId(GraphAnswer answer) =>
        answer.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("id", out var id) ? id.ToString() : null;

    private static readonly Func<System.Text.Json.JsonElement, SharePointItem> ReadItem = FeedJson.Tolerant(SharePointItem.Parse, SharePointItem.FromUnreadable);

    internal static string Select(IReadOnlyCollection<string> fields) => $"fields($select={string.Join(',', fields)})";
}
