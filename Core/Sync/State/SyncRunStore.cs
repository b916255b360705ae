using System.Text.Json;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.Sync.State;

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
        var now = time.GetUtcNow();
        await table.UpsertEntityAsync(new TableEntity(LatestPartition, LatestRow) { ["RunId"] = runId, ["StartedAt"] = now }, TableUpdateMode.Replace, ct);
        // The index of nights, newest first (row keys count down), so status reads the last N with one query.
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        await table.UpsertEntityAsync(new TableEntity(NightsPartition, newestFirst) { ["RunId"] = runId, ["StartedAt"] = now }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The most recent nights, newest first: their run ids and when they started.</summary>
    public async Task<IReadOnlyList<(string RunId, DateTimeOffset StartedAt)>> RecentNightsAsync(int count, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SyncRuns, ct);
        var nights = new List<(string, DateTimeOffset)>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == NightsPartition, maxPerPage: Math.Min(count, 1000), cancellationToken: ct))
        {
            if (row.GetString("RunId") is { } runId && row.GetDateTimeOffset("StartedAt") is { } at) nights.Add((runId, at));
            if (nights.Count == count) return nights;
        }

        // A store written before the index existed has only the latest night.
        if (nights.Count == 0 && await GetLatestNightAsync(ct) is { } latest) nights.Add(latest);
        return nights;
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
    internal const string NightsPartition = "~nights";

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
