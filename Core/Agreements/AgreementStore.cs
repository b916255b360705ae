using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.Agreements;

/// <summary>
/// The Agreements table. Partition <c>agreements</c>: one row per list item, deleted ones kept as
/// tombstones. Partition <c>waiting</c>: agreements in quarantine only because their enterprise is
/// unknown or in quarantine, each with the enterprise it waits for; the feed reads them again once
/// that enterprise is in the register.
/// </summary>
public sealed class AgreementStore(IntegrationStorage storage) : SourceTable(storage, TableNames.Agreements, Partition)
{
    public const string Partition = "agreements";
    public const string WaitingPartition = "waiting";

    public static string Hash(Agreement a) => ContentHash(
        a.EnterpriseId, a.Type.ToString(), a.BuyingBoard, a.YearlyValue.ToString(CultureInfo.InvariantCulture), a.StartDate.DayNumber, a.EndDate?.DayNumber);

    public static TableEntity Row(Agreement a, string hash, DateTimeOffset now)
    {
        var row = new TableEntity(Partition, a.Id)
        {
            ["EnterpriseId"] = a.EnterpriseId,
            ["AgreementType"] = a.Type.ToString(),
            ["YearlyValue"] = (double)a.YearlyValue,
            ["StartDate"] = a.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ContentHashColumn] = hash,
            [IsDeletedColumn] = false,
            ["SyncedAt"] = now,
        };
        if (a.BuyingBoard is not null) row["BuyingBoard"] = a.BuyingBoard;
        if (a.EndDate is { } end) row["EndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return row;
    }

    public static TableEntity Tombstone(string id, DateTimeOffset now) => new(Partition, id) { [IsDeletedColumn] = true, ["DeletedAt"] = now };

    /// <summary>Agreement id → the enterprise id it waits for.</summary>
    public async Task<Dictionary<string, string>> LoadWaitingAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var waiting = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == WaitingPartition, select: ["RowKey", "EnterpriseId"], cancellationToken: ct))
        {
            waiting[row.RowKey] = row.GetString("EnterpriseId") ?? "";
        }

        return waiting;
    }

    /// <summary>Adds (with the enterprise) and removes (null) agreements from the waiting partition.</summary>
    public Task SaveWaitingAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken ct) =>
        changes.Count == 0 ? Task.CompletedTask : SubmitAsync(changes.Select(c => c.Value is null
            ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(WaitingPartition, c.Key), ETag.All)
            : new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(WaitingPartition, c.Key) { ["EnterpriseId"] = c.Value })).ToList(), ct);
}
