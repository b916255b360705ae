using System.Globalization;
using System.Runtime.CompilerServices;
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
