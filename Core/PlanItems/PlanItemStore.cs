using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.PlanItems;

/// <summary>The PlanItems table: batch writes within the one partition, and the queries.</summary>
public sealed class PlanItemStore(IntegrationStorage storage)
{
    public Task<TableClient> TableAsync(CancellationToken ct) => storage.TableAsync(TableNames.PlanItems, ct);

    /// <summary>
    /// Every row's id, content hash and tombstone mark, to rebuild the digest when it cannot be
    /// trusted: one query over the partition, three columns each.
    /// </summary>
    public async IAsyncEnumerable<(string Id, string ContentHash, bool IsDeleted)> DigestRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition, select: ["RowKey", nameof(PlanItemEntity.ContentHash), nameof(PlanItemEntity.IsDeleted)], cancellationToken: ct))
        {
            yield return (row.RowKey, row.GetString(nameof(PlanItemEntity.ContentHash)) ?? "", row.GetBoolean(nameof(PlanItemEntity.IsDeleted)) ?? false);
        }
    }

    public async Task<int> SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) =>
        await TableBatch.SubmitAsync(await TableAsync(ct), actions, ct);

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
