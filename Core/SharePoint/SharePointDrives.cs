using System.Net;
using System.Runtime.CompilerServices;
using Integration.Core.Configuration;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace Integration.Core.SharePoint;

/// <summary>The document-library reads the syncs need, through the Graph SDK (see <see cref="GraphJson"/>).</summary>
public sealed class SharePointDrives(GraphServiceClient graph, GraphBatch batch, IOptions<SharePointOptions> options)
{
    private string SiteId => options.Value.SiteId
        ?? throw new InvalidOperationException("SharePoint__SiteId is not configured.");

    /// <summary>A library is configured by its name (the drive's <c>name</c>) or its drive id; the id is what stays stable.</summary>
    public async Task<string> ResolveDriveIdAsync(string idOrName, CancellationToken ct)
    {
        var request = graph.Sites[SiteId].Drives.ToGetRequestInformation(r => r.QueryParameters.Select = ["id", "name"]);
        using var document = await GraphJson.SendAsync(graph, request, ct);
        var drives = document.RootElement.GetProperty("value").EnumerateArray()
            .Select(d => (Id: d.GetProperty("id").GetString(), Name: d.TryGetProperty("name", out var n) ? n.GetString() : null))
            .ToList();
        return drives.FirstOrDefault(d => d.Id == idOrName).Id
            ?? drives.FirstOrDefault(d => string.Equals(d.Name, idOrName, StringComparison.OrdinalIgnoreCase)).Id
            ?? throw new InvalidOperationException($"SharePoint document library '{idOrName}' was not found on the site (libraries: {string.Join(", ", drives.Select(d => d.Name))}).");
    }

    /// <summary>
    /// Pages of a library's drive delta (<c>/drives/{id}/items/root/delta()</c>), from a saved
    /// delta link or from scratch. The root and folders are left out: only files are items.
    /// </summary>
    public IAsyncEnumerable<FeedPage<DriveFile>> ReadDeltaAsync(string driveId, string? deltaLink, CancellationToken ct)
    {
        var delta = graph.Drives[driveId].Items["root"].Delta;
        var first = deltaLink is null
            ? delta.ToGetRequestInformation(r => r.QueryParameters.Top = options.Value.PageSize)
            : delta.WithUrl(deltaLink).ToGetRequestInformation();
        return FilesOnly(GraphJson.PagesAsync(graph, first, link => delta.WithUrl(link).ToGetRequestInformation(), ReadFile, $"library {driveId}", options.Value.MaxPages, ct), ct);
    }

    /// <summary>
    /// The request that reads the library columns of one file (<c>/drives/{d}/items/{i}/listItem?$expand=fields</c>).
    /// </summary>
    private RequestInformation ListItemRequest(string driveId, string itemId, IReadOnlyCollection<string> fields) =>
        graph.Drives[driveId].Items[itemId].ListItem.ToGetRequestInformation(r => r.QueryParameters.Expand = [SharePointLists.Select(fields)]);

    /// <summary>
    /// The request that writes library columns of one file (<c>PATCH /drives/{d}/items/{i}/listItem/fields</c>). The SDK
    /// has no builder for the file's list item's fields, so the request is the list item's with the segment added.
    /// </summary>
    private RequestInformation UpdateListItemFieldsRequest(string driveId, string itemId, IDictionary<string, object> values)
    {
        var request = graph.Drives[driveId].Items[itemId].ListItem.ToGetRequestInformation();
        request.HttpMethod = Method.PATCH;
        const string Segment = "/listItem";
        var at = request.UrlTemplate!.IndexOf(Segment, StringComparison.Ordinal);
        request.UrlTemplate = at < 0
            ? throw new InvalidOperationException($"Unexpected list-item request template '{request.UrlTemplate}'.")
            : string.Concat(request.UrlTemplate.AsSpan(0, at + Segment.Length), "/fields");
        request.SetContentFromParsable(graph.RequestAdapter, "application/json", new Microsoft.Graph.Models.FieldValueSet { AdditionalData = values });
        return request;
    }

    /// <summary>
    /// The library columns of many files, read in JSON batches (twenty files to a round trip): drive delta
    /// cannot expand them. A file gone since the feed listed it maps to null.
    /// </summary>
    /// <exception cref="GraphBatchException">A file's columns could not be read for another reason: nothing is guessed.</exception>
    public async Task<Dictionary<string, SharePointItem?>> ReadListItemsAsync(string driveId, IEnumerable<string> itemIds, IReadOnlyCollection<string> fields, CancellationToken ct)
    {
        var calls = itemIds.Distinct(StringComparer.Ordinal).Select(id => new GraphCall(id, ListItemRequest(driveId, id, fields))).ToList();
        var items = new Dictionary<string, SharePointItem?>(calls.Count, StringComparer.Ordinal);
        foreach (var (id, answer) in await batch.SendAsync(calls, ct))
        {
            items[id] = answer switch
            {
                { Status: 404 } => null,
                { IsSuccess: true, Body: { } body } => SharePointItem.Parse(body),
                _ => throw new GraphBatchException($"The library columns of file {id} could not be read: {answer.Describe()}.", answer.Status),
            };
        }

        return items;
    }

    /// <summary>Writes library columns of many files in JSON batches; each file's answer by its item id.</summary>
    public async Task<IReadOnlyDictionary<string, GraphAnswer>> UpdateListItemFieldsAsync(string driveId, IEnumerable<(string ItemId, IDictionary<string, object> Values)> updates, CancellationToken ct) =>
        await batch.SendAsync([.. updates.Select(u => new GraphCall(u.ItemId, UpdateListItemFieldsRequest(driveId, u.ItemId, u.Values)))], ct);

    /// <summary>Writes library columns of one file; the answer (the fields) is not needed.</summary>
    public async Task UpdateListItemFieldsAsync(string driveId, string itemId, IDictionary<string, object> values, CancellationToken ct)
    {
        using var _ = await GraphJson.SendAsync(graph, UpdateListItemFieldsRequest(driveId, itemId, values), ct);
    }

    /// <summary>
    /// A file's content as a stream (<c>/content</c> answers 302 to a pre-authenticated URL, which
    /// the SDK follows); the caller reads it as it arrives.
    /// </summary>
    public async Task<Stream> OpenContentAsync(string driveId, string itemId, CancellationToken ct) =>
        await graph.Drives[driveId].Items[itemId].Content.GetAsync(cancellationToken: ct)
            ?? throw new InvalidOperationException($"SharePoint sent no content for file {itemId}.");

    private static readonly Func<System.Text.Json.JsonElement, DriveFile?> ReadFile = FeedJson.Tolerant<DriveFile?>(DriveFile.Parse, DriveFile.FromUnreadable);

    private static async IAsyncEnumerable<FeedPage<DriveFile>> FilesOnly(IAsyncEnumerable<FeedPage<DriveFile?>> pages, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in pages.WithCancellation(ct))
        {
            yield return new FeedPage<DriveFile>(page.Items.OfType<DriveFile>().ToList(), page.DeltaLink);
        }
    }
}
