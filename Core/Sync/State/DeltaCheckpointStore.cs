using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Sync.State;

/// <summary>
/// Where each source resumes. A delta link is saved only after everything it covers is stored,
/// so a crash means redoing work, never skipping it.
/// </summary>
public sealed class DeltaCheckpointStore(IntegrationStorage storage, TimeProvider time)
{
    private const string Partition = "delta";

    public async Task<DeltaCheckpoint?> GetAsync(string source, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.DeltaCheckpoints, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, source, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } entity) return null;

        // Rows saved before sources other than lists existed name the columns ListRef and ListId;
        // reading them keeps an upgraded deployment from a needless full sync.
        var reference = entity.GetString("SourceRef") ?? entity.GetString("ListRef") ?? "";
        var id = entity.GetString("SourceId") ?? entity.GetString("ListId") ?? "";
        return new DeltaCheckpoint(reference, id, entity.GetString("DeltaLink") ?? "", entity.GetDateTimeOffset("SavedAt"));
    }

    /// <summary>
    /// Deletes the source's checkpoint and those of its parts, named <c>{source}.{part}</c> (the
    /// budget assignments' list mirror, <c>BudgetAssignments.list</c>).
    /// </summary>
    /// <returns>Whether there was one.</returns>
    public async Task<bool> DeleteAsync(string source, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.DeltaCheckpoints, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and (RowKey eq {source} or (RowKey ge {source + "."} and RowKey lt {source + "/"}))");
        var deleted = false;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            await table.DeleteEntityAsync(Partition, row.RowKey, Azure.ETag.All, ct);
            deleted |= row.RowKey == source;
        }

        return deleted;
    }

    public async Task SaveAsync(string source, DeltaCheckpoint checkpoint, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.DeltaCheckpoints, ct);
        await table.UpsertEntityAsync(new TableEntity(Partition, source)
        {
            ["SourceRef"] = checkpoint.SourceRef,
            ["SourceId"] = checkpoint.SourceId,
            ["DeltaLink"] = checkpoint.DeltaLink,
            ["SavedAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);
    }
}

/// <param name="SourceRef">The list or library as configured (id or display name), so a run can skip resolving it.</param>
/// <param name="SourceId">The list or drive the link belongs to; a different one means a full sync.</param>
/// <param name="SavedAt">When the link was saved.</param>
public sealed record DeltaCheckpoint(string SourceRef, string SourceId, string DeltaLink, DateTimeOffset? SavedAt = null);
