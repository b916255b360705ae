using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// What the digest shows beyond the event itself, read at send time so that no personal data sits
/// in a queue or a table: each owner's display name from the site's User Information List (by
/// lookup id), and the address of each source's list for links. A lookup that fails leaves the name or
/// the link out; it does not hold the digest back.
/// </summary>
public sealed partial class DigestContent(SharePointLists lists, IOptions<SharePointOptions> sharePoint, ILogger<DigestContent> logger)
{
    private const int LookupParallelism = 4;

    public async Task<IReadOnlyList<DigestItem>> ItemsAsync(IReadOnlyList<NotificationMessage> events, CancellationToken ct)
    {
        var names = await OwnerNamesAsync(events.Select(e => e.RecipientLookupId).OfType<string>(), ct);
        var lists = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in events.Where(e => e.WebUrl is null).Select(e => e.Source).Distinct(StringComparer.Ordinal))
        {
            lists[source] = await ListUrlAsync(source, ct);
        }

        return events.Select(e => DigestItemMapper.ToItem(
            e,
            e.RecipientLookupId is { } id ? names.GetValueOrDefault(id) : null,
            DigestItemMapper.SafeLink(e.WebUrl ?? (lists.GetValueOrDefault(e.Source) is { } list ? $"{list.TrimEnd('/')}/DispForm.aspx?ID={Uri.EscapeDataString(e.ItemId)}" : null))))
            .ToList();
    }

    private bool CanReadSharePoint => !string.IsNullOrWhiteSpace(sharePoint.Value.SiteId);

    private async Task<Dictionary<string, string>> OwnerNamesAsync(IEnumerable<string> lookupIds, CancellationToken ct)
    {
        var names = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (!CanReadSharePoint) return [];
        await Parallel.ForEachAsync(lookupIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = ct }, async (id, token) =>
        {
            try
            {
                if (await lists.GetSiteUserAsync(id, token) is { DisplayName: { Length: > 0 } name }) names[id] = name;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOwnerLookupFailed(id, ex.GetType().Name);
            }
        });
        return new Dictionary<string, string>(names, StringComparer.Ordinal);
    }

    /// <summary>The address of the list an event's source reads, for links to its items; null for a source without a list.</summary>
    private async Task<string?> ListUrlAsync(string source, CancellationToken ct)
    {
        var list = sharePoint.Value.List(source);
        if (!CanReadSharePoint || string.IsNullOrWhiteSpace(list)) return null;
        try
        {
            return await lists.GetListWebUrlAsync(list, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogListLookupFailed(source, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The name of site user {LookupId} could not be read ({Error}); the digest shows the item without it.")]
    private partial void LogOwnerLookupFailed(string lookupId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The address of list {Source} could not be read ({Error}); the digest shows its items without links.")]
    private partial void LogListLookupFailed(string source, string error);
}
