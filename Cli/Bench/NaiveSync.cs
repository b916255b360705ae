using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Options;

namespace Integration.Cli.Bench;

/// <summary>
/// The baseline the delta sync is measured against: what a scheduled low-code flow does. It lists
/// every item, looks each one up in the store, writes the ones that differ one by one, and then
/// compares id sets to find deletions. It shares the mapping and owner cache with the real sync,
/// so the difference measured is the strategy, not the plumbing.
/// </summary>
internal sealed class NaiveSync(
    SharePointLists lists,
    PlanItemStore store,
    DeltaCheckpointStore checkpoints,
    IntegrationStorage storage,
    IOptions<SharePointOptions> sharePoint,
    NetworkCalendar calendar,
    IOptions<PlanItemStatusOptions> statuses,
    TimeProvider time)
{
    public async Task<SyncCounts> RunAsync(CancellationToken ct)
    {
        var options = sharePoint.Value;
        var listId = (await checkpoints.GetAsync(PlanItemsModule.Source, ct))?.SourceId
            ?? await lists.ResolveListIdAsync(options.List(PlanItemsModule.Source)!, ct);
        var mapper = new PlanItemMapper(new ColumnNames(options, PlanItemColumns.List), new PlanItemStatusMap(statuses.Value), calendar.TimeZone);
        var users = new SiteUserCache(lists, storage, time);
        await users.LoadKnownAsync(ct);
        var table = await store.TableAsync(ct);
        int created = 0, updated = 0, unchanged = 0, quarantined = 0, deleted = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        await foreach (var page in lists.ListItemsAsync(listId, mapper.Columns, ct))
        {
            // Item by item, but as many at once as the real sync reads, so only the strategy differs.
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (item, token) =>
            {
                lock (seen) seen.Add(item.Id);
                var ownerId = mapper.OwnerLookupId(item);
                var result = mapper.Map(item, ownerId is null ? null : await users.GetAsync(ownerId, token));
                if (result.Record is not { } planItem)
                {
                    Interlocked.Increment(ref quarantined);
                    return;
                }

                var current = await table.GetEntityIfExistsAsync<PlanItemEntity>(PlanItemEntity.Partition, planItem.Id, cancellationToken: token);
                if (!current.HasValue || current.Value is null)
                {
                    Interlocked.Increment(ref created);
                    await table.AddEntityAsync(PlanItemEntity.From(planItem), token);
                }
                else if (current.Value.IsDeleted || current.Value.ContentHash != PlanItemEntity.Hash(planItem))
                {
                    Interlocked.Increment(ref updated);
                    await table.UpdateEntityAsync(current.Value.Apply(planItem), current.Value.ETag, TableUpdateMode.Replace, token);
                }
                else
                {
                    Interlocked.Increment(ref unchanged);
                }
            });
        }

        // Ids of the items not tombstoned, compared with the full listing to find deletions.
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition && e.GetBoolean("IsDeleted") == false, select: ["RowKey"], cancellationToken: ct))
        {
            var id = row.RowKey;
            if (seen.Contains(id)) continue;
            var gone = (await table.GetEntityAsync<PlanItemEntity>(PlanItemEntity.Partition, id, cancellationToken: ct)).Value;
            gone.IsDeleted = true;
            gone.DeletedAt = time.GetUtcNow();
            await table.UpdateEntityAsync(gone, gone.ETag, TableUpdateMode.Replace, ct);
            deleted++;
        }

        var counts = new SyncCounts { Created = created, Updated = updated, Unchanged = unchanged, Quarantined = quarantined, Deleted = deleted };
        counts.Read = created + updated + unchanged + quarantined + deleted;
        return counts;
    }
}
