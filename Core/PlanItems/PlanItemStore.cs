using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.PlanItems;

/// <summary>The PlanItems table: batch writes within the one partition, point reads, and the scan query.</summary>
public sealed class PlanItemStore(IntegrationStorage storage)
{
    private const int ReadParallelism = 8;

    public Task<TableClient> TableAsync(CancellationToken ct) => storage.TableAsync(TableNames.PlanItems, ct);

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Current rows for the given ids (missing ids are absent from the result), by point reads a
    /// few at a time. A filter OR-ing row keys would be fewer requests, but the service answers it
    /// with a scan of the partition: on 100,000 items that made a night 20 times slower.
    /// </summary>
    public async Task<Dictionary<string, PlanItemEntity>> GetManyAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, PlanItemEntity>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct }, async (id, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<PlanItemEntity>(PlanItemEntity.Partition, id, cancellationToken: token);
            if (row.HasValue && row.Value is { } entity) found[id] = entity;
        });
        return new Dictionary<string, PlanItemEntity>(found);
    }

    public async Task<int> SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) =>
        await TableBatch.SubmitAsync(await TableAsync(ct), actions, ct);

    /// <summary>Ids of items not tombstoned; a full resync tombstones those it did not see.</summary>
    public async IAsyncEnumerable<string> ActiveIdsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition && e.GetBoolean("IsDeleted") == false, select: ["RowKey"], cancellationToken: ct))
        {
            yield return row.RowKey;
        }
    }

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
