using Azure.Data.Tables;

namespace Integration.Core.Storage;

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
        return row.HasValue && row.Value is { } entity
            ? new DeltaCheckpoint(entity.GetString("ListRef") ?? "", entity.GetString("ListId") ?? "", entity.GetString("DeltaLink") ?? "", entity.GetDateTimeOffset("SavedAt"))
            : null;
    }

    public async Task SaveAsync(string source, DeltaCheckpoint checkpoint, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.DeltaCheckpoints, ct);
        await table.UpsertEntityAsync(new TableEntity(Partition, source)
        {
            ["ListRef"] = checkpoint.ListRef,
            ["ListId"] = checkpoint.ListId,
            ["DeltaLink"] = checkpoint.DeltaLink,
            ["SavedAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);
    }
}

/// <param name="ListRef">The list as configured (id or display name), so a run can skip resolving it.</param>
/// <param name="ListId">The list the link belongs to; a different configured list means a full sync.</param>
/// <param name="SavedAt">When the link was saved.</param>
public sealed record DeltaCheckpoint(string ListRef, string ListId, string DeltaLink, DateTimeOffset? SavedAt = null);
