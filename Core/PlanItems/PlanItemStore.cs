using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.PlanItems;

/// <summary>The PlanItems table: the sync's writes (as a <see cref="SourceTable"/>) and the scan's queries.</summary>
public sealed class PlanItemStore(IntegrationStorage storage) : SourceTable(storage, TableNames.PlanItems, PlanItemEntity.Partition)
{
    /// <summary>
    /// Items the overdue scan must look at: open ones due by the horizon, and any that carry a
    /// flag (it may need clearing). Filtered by the service, so done items and far-off dates are
    /// never read.
    /// </summary>
    public async IAsyncEnumerable<PlanItemEntity> ScanCandidatesAsync(DateOnly horizon, [EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var due = horizon.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PlanItemEntity.Partition} and IsDeleted eq false and ((IsOpen eq true and DueDate le {due}) or Flag ne {""} or SharePointFlag ne {""})");
        await foreach (var entity in table.QueryAsync<PlanItemEntity>(filter, cancellationToken: ct))
        {
            yield return entity;
        }
    }

    /// <summary>
    /// A column earlier versions wrote and this one does not: the owner's address. A merge cannot
    /// remove a column, so <see cref="RemoveRetiredColumnsAsync"/> replaces the rows that have it.
    /// </summary>
    public const string RetiredOwnerEmail = "OwnerEmail";

    /// <summary>Every row's owner, tombstone mark and whether it still has the retired column: one query, four columns each.</summary>
    public async IAsyncEnumerable<(string Id, string OwnerLookupId, bool IsDeleted, bool HasRetiredColumn)> OwnersAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var columns = new[] { "RowKey", nameof(PlanItemEntity.OwnerLookupId), IsDeletedColumn, RetiredOwnerEmail };
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition, select: columns, cancellationToken: ct))
        {
            yield return (row.RowKey, row.GetString(nameof(PlanItemEntity.OwnerLookupId)) ?? "", row.GetBoolean(IsDeletedColumn) ?? false, row.GetString(RetiredOwnerEmail) is not null);
        }
    }

    /// <summary>
    /// Rewrites each row without the retired column, guarded by its ETag: a row another writer
    /// changed meanwhile (or deleted) is left for the next night. Returns how many were rewritten.
    /// </summary>
    public async Task<int> RemoveRetiredColumnsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var rewritten = 0;
        foreach (var id in ids)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(PlanItemEntity.Partition, id, cancellationToken: ct);
            if (!found.HasValue || found.Value is not { } row || !row.Remove(RetiredOwnerEmail)) continue;
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                rewritten++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Changed or gone since it was read: the next night looks again.
            }
        }

        return rewritten;
    }

    /// <summary>Items that carry a flag now: the overdue and due-soon list people read.</summary>
    public async IAsyncEnumerable<PlanItemEntity> FlaggedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PlanItemEntity.Partition} and IsDeleted eq false and Flag ne {""}");
        await foreach (var entity in table.QueryAsync<PlanItemEntity>(filter, cancellationToken: ct))
        {
            yield return entity;
        }
    }
}
