using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Indicators;

/// <summary>
/// The Indicators table, a dated time series: partition = the Stockholm day (<c>yyyy-MM-dd</c>),
/// one row per indicator, its name in <c>Indicator</c>, its figure in <c>Value</c> and when that
/// figure was computed in <c>ComputedAt</c>. A day's new or changed rows are written in one
/// transaction per 100 indicators, each replacing what was there, and a rerun the same day deletes
/// that day's rows for indicators that are gone (a board with no agreement left), so a day never
/// holds more than one row per indicator nor a stale one.
/// </summary>
public sealed class IndicatorStore(IntegrationStorage storage)
{
    public const string IndicatorColumn = "Indicator";
    public const string ValueColumn = "Value";

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A row key for the indicator: its name, with the characters a key may not hold
    /// (<c>/ \ # ?</c> and control characters, from a board's free-text name) as <c>_</c>.
    /// </summary>
    public static string RowKey(string indicator)
    {
        var key = new StringBuilder(indicator.Length);
        foreach (var c in indicator) key.Append(c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c);
        return key.ToString();
    }

    /// <summary>
    /// Writes the day's figures that are new or changed, and deletes the day's rows of indicators
    /// that are gone; a rerun with the same figures writes nothing.
    /// </summary>
    public async Task<IndicatorSave> SaveAsync(IndicatorSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Indicators, ct);
        var day = DayKey(snapshot.Day);
        var rows = snapshot.Values.ToDictionary(v => RowKey(v.Key), v => v, StringComparer.Ordinal);
        var stale = new List<string>();
        var unchanged = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", IndicatorColumn, ValueColumn], cancellationToken: ct))
        {
            if (!rows.TryGetValue(row.RowKey, out var figure)) stale.Add(row.RowKey);
            else if (row.GetString(IndicatorColumn) == figure.Key && row.GetDouble(ValueColumn) == figure.Value) unchanged.Add(row.RowKey);
        }

        var actions = rows.Where(r => !unchanged.Contains(r.Key))
            .Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(day, r.Key)
            {
                [IndicatorColumn] = r.Value.Key,
                [ValueColumn] = r.Value.Value,
                ["ComputedAt"] = now,
            }))
            .Concat(stale.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(day, key), ETag.All)))
            .ToList();
        if (actions.Count > 0) await TableBatch.SubmitAsync(table, actions, ct);
        return new IndicatorSave(rows.Count - unchanged.Count, unchanged.Count, stale.Count);
    }

    /// <summary>The figures stored for one day, by indicator name.</summary>
    public async Task<IReadOnlyDictionary<string, double>> LoadDayAsync(DateOnly day, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Indicators, ct);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DayKey(day)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [IndicatorColumn, ValueColumn], cancellationToken: ct))
        {
            values[row.GetString(IndicatorColumn) ?? row.RowKey] = row.GetDouble(ValueColumn) ?? 0;
        }

        return values;
    }
}

/// <summary>What a save did: rows written (new or changed), rows left as they were, rows removed.</summary>
public sealed record IndicatorSave(int Written, int Unchanged, int Removed);
