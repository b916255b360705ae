using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Integration.Core.PlanItems;

/// <summary>
/// Keeps personal data to what the night needs, after the overdue scan and under its hold on the
/// source: the SiteUsers cache loses everyone no live plan item names as its owner, and a row an
/// earlier version wrote with the owner's address loses that column. One query over the plan items'
/// partition, four columns each, when the cache took in a user since the last time or a week has passed.
/// </summary>
public sealed partial class SiteUserPruning(PlanItemStore store, IntegrationStorage storage, TimeProvider time, ILogger<SiteUserPruning> logger)
{
    /// <remarks>
    /// The caller holds the plan items' source lock. The whole partition is read only when the cache
    /// took in a user since the last pruning, or a week has passed (an owner replaced or an item
    /// deleted writes no user): a quiet night costs a point read and an empty query.
    /// </remarks>
    public async Task PruneAsync(CancellationToken ct)
    {
        // The time is taken before the read: a user kept while it runs is looked at next time.
        var now = time.GetUtcNow();
        if (!await SiteUserCache.PruningDueAsync(storage, now, ct)) return;

        var named = new HashSet<string>(StringComparer.Ordinal);
        var retired = new List<string>();
        await foreach (var row in store.OwnersAsync(ct))
        {
            if (!row.IsDeleted && row.OwnerLookupId.Length > 0) named.Add(row.OwnerLookupId);
            if (row.HasRetiredColumn) retired.Add(row.Id);
        }

        var rewritten = retired.Count == 0 ? 0 : await store.RemoveRetiredColumnsAsync(retired, ct);
        var pruned = await SiteUserCache.PruneAsync(storage, named, now, ct);
        await SiteUserCache.MarkPrunedAsync(storage, now, ct);
        if (rewritten + pruned > 0) LogPruned(pruned, rewritten);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {SiteUsers} site user(s) no plan item names from the cache and the owner's address from {Rows} plan-item row(s).")]
    private partial void LogPruned(int siteUsers, int rows);
}
