using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync.State;

namespace Integration.Core.Retention;

/// <summary>
/// Deletes what is older than a cut-off: the SyncRuns partitions of nights that started before it
/// (run ids sort by time) with their rows in the index of nights, and Quarantine entries resolved
/// before it. Open entries stay whatever their age. Deletes go in batch transactions per partition;
/// a second pass finds nothing.
/// </summary>
public sealed class RecordPruner(IntegrationStorage storage)
{
    public async Task<int> DeleteRunsBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        // Run ids begin with the start time (yyyyMMddTHHmmssZ) and a digit; the "~" partitions sort after them.
        var before = cutoff.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var runs = await DeleteAsync(table, TableClient.CreateQueryFilter($"PartitionKey lt {before}"), ct);
        // The index of nights counts down: a night before the cut-off has a larger row key.
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - cutoff.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await DeleteAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {SyncRunStore.NightsPartition} and RowKey gt {newestFirst}"), ct);
        return runs.Select(r => r.PartitionKey).Distinct(StringComparer.Ordinal).Count();
    }

    public async Task<int> DeleteResolvedQuarantineBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Quarantine, ct);
        var resolved = await DeleteAsync(table, TableClient.CreateQueryFilter($"Open eq {false} and ResolvedAt lt {cutoff}"), ct);
        return resolved.Count;
    }

    /// <summary>Deletes the rows the filter finds, and returns their keys.</summary>
    private static async Task<List<TableEntity>> DeleteAsync(TableClient table, string filter, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct)) rows.Add(row);
        await TableBatch.SubmitAsync(table, rows.Select(Delete), ct);
        return rows;
    }

    private static TableTransactionAction Delete(TableEntity row) =>
        new(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey) { ETag = ETag.All });
}
