using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Reports;

/// <summary>
/// The listed activities' owners by display name, from the site's User Information List: the
/// PlanItems table keeps only the lookup id. A few owners at a time; an owner SharePoint cannot
/// name (or a site not configured) is shown without a name rather than stopping the report.
/// </summary>
public sealed partial class SiteOwnerNames(SharePointLists lists, IOptions<SharePointOptions> sharePoint, ILogger<SiteOwnerNames> logger) : IOwnerNames
{
    public async Task<IReadOnlyDictionary<string, string?>> DisplayNamesAsync(IEnumerable<string> lookupIds, CancellationToken ct)
    {
        var names = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(sharePoint.Value.SiteId)) return names;
        await Parallel.ForEachAsync(lookupIds, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (id, token) =>
        {
            try
            {
                names[id] = (await lists.GetSiteUserAsync(id, token))?.DisplayName;
            }
            catch (Exception ex) when (ex is HttpRequestException or AggregateException or Microsoft.Kiota.Abstractions.ApiException)
            {
                LogNameFailed(id, ex.GetType().Name);
            }
        });
        return names;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report shows site user {LookupId} without a name: SharePoint did not answer ({Error}).")]
    private partial void LogNameFailed(string lookupId, string error);
}
