using Azure.Data.Tables;
using Integration.Core.Sync;

namespace Integration.Core.Storage;

/// <summary>The SyncRuns table: one row per run and source, read back for the run summary.</summary>
public sealed class SyncRunStore(IntegrationStorage storage, TimeProvider time)
{
    public async Task SaveAsync(SyncRunRecord record, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var c = record.Counts;
        await table.UpsertEntityAsync(new TableEntity(record.RunId, record.Source)
        {
            ["Status"] = record.Status.ToString(),
            ["Detail"] = record.Detail,
            ["Attempts"] = record.Attempts,
            ["Read"] = c.Read,
            ["Created"] = c.Created,
            ["Updated"] = c.Updated,
            ["Unchanged"] = c.Unchanged,
            ["Deleted"] = c.Deleted,
            ["Quarantined"] = c.Quarantined,
            ["NewlyOverdue"] = c.NewlyOverdue,
            ["NewlyDueSoon"] = c.NewlyDueSoon,
            ["Notifications"] = c.Notifications,
            ["RecordedAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task<SyncRunRecord?> GetAsync(string runId, string source, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(runId, source, cancellationToken: ct);
        return row.HasValue && row.Value is { } entity ? ToRecord(entity) : null;
    }

    public async Task<IReadOnlyList<SyncRunRecord>> ListAsync(string runId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var records = new List<SyncRunRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == runId, cancellationToken: ct))
        {
            records.Add(ToRecord(entity));
        }

        return records;
    }

    private static SyncRunRecord ToRecord(TableEntity e)
    {
        int N(string name) => e.GetInt32(name) ?? 0;
        var counts = new SyncCounts
        {
            Read = N("Read"),
            Created = N("Created"),
            Updated = N("Updated"),
            Unchanged = N("Unchanged"),
            Deleted = N("Deleted"),
            Quarantined = N("Quarantined"),
            NewlyOverdue = N("NewlyOverdue"),
            NewlyDueSoon = N("NewlyDueSoon"),
            Notifications = N("Notifications"),
        };
        var status = Enum.TryParse<SyncRunStatus>(e.GetString("Status"), out var s) ? s : SyncRunStatus.Failed;
        return new SyncRunRecord(e.PartitionKey, e.RowKey, status, e.GetString("Detail"), counts, N("Attempts"));
    }
}
