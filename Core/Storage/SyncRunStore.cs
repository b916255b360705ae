using System.Text.Json;
using Azure.Data.Tables;
using Integration.Core.Sync;

namespace Integration.Core.Storage;

/// <summary>
/// The SyncRuns table: one partition per run, one row per step (each source's sync, the overdue
/// scan, …). Counts are stored as columns named <c>n_{count}</c>, so each step names its own.
/// </summary>
public sealed class SyncRunStore(IntegrationStorage storage, TimeProvider time)
{
    private const string CountPrefix = "n_";

    // Ids as a JSON array of strings in one column each, named ids_{name}.
    private const string IdsPrefix = "ids_";

    public async Task SaveAsync(SyncRunRecord record, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var entity = new TableEntity(record.RunId, record.Step)
        {
            ["Status"] = record.Status.ToString(),
            ["Detail"] = record.Detail,
            ["Attempts"] = record.Attempts,
            ["StartedAt"] = record.StartedAt,
            ["DurationMs"] = record.Duration is { } d ? (long)d.TotalMilliseconds : null,
            ["RecordedAt"] = time.GetUtcNow(),
        };
        foreach (var (name, value) in record.Counts) entity[CountPrefix + name] = value;
        foreach (var (name, ids) in record.Ids) entity[IdsPrefix + name] = JsonSerializer.Serialize(ids);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task<SyncRunRecord?> GetAsync(string runId, string step, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(runId, step, cancellationToken: ct);
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

    /// <summary>Which run is the night in progress, for steps that start on a timer of their own.</summary>
    public async Task SaveLatestNightAsync(string runId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        await table.UpsertEntityAsync(new TableEntity(LatestPartition, LatestRow) { ["RunId"] = runId, ["StartedAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, ct);
    }

    public async Task<(string RunId, DateTimeOffset StartedAt)?> GetLatestNightAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(LatestPartition, LatestRow, cancellationToken: ct);
        return row.HasValue && row.Value is { } e && e.GetString("RunId") is { } runId && e.GetDateTimeOffset("StartedAt") is { } at ? (runId, at) : null;
    }

    // Run ids start with a digit; this partition sorts apart from them.
    private const string LatestPartition = "~latest";
    private const string LatestRow = "night";

    private static SyncRunRecord ToRecord(TableEntity e)
    {
        var counts = e.Keys
            .Where(k => k.StartsWith(CountPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[CountPrefix.Length..], k => e.GetInt32(k) ?? 0);
        var ids = e.Keys
            .Where(k => k.StartsWith(IdsPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[IdsPrefix.Length..], k => (IReadOnlyList<string>)(JsonSerializer.Deserialize<string[]>(e.GetString(k) ?? "[]") ?? []));
        var status = Enum.TryParse<SyncRunStatus>(e.GetString("Status"), out var s) ? s : SyncRunStatus.Failed;
        var duration = e.GetInt64("DurationMs") is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        return new SyncRunRecord(e.PartitionKey, e.RowKey, status, e.GetString("Detail"), counts, e.GetInt32("Attempts") ?? 0, e.GetDateTimeOffset("StartedAt"), duration) { Ids = ids };
    }
}
