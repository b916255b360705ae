using Integration.Core.Sync;

namespace Integration.Core.SharePoint;

/// <summary>A SharePoint list's item delta, returning only the columns a source maps.</summary>
public sealed class ListItemDeltaFeed(SharePointLists lists, IReadOnlyCollection<string> fields) : IDeltaFeed<SharePointItem>
{
    public string Kind => "list";

    public Task<string> ResolveAsync(string reference, CancellationToken ct) => lists.ResolveListIdAsync(reference, ct);

    public IAsyncEnumerable<FeedPage<SharePointItem>> ReadAsync(string containerId, string? deltaLink, CancellationToken ct) =>
        lists.ReadDeltaAsync(containerId, deltaLink, fields, ct);
}
