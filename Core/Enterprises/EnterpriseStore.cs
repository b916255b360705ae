using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.Enterprises;

/// <summary>
/// The Enterprises table. Partition <c>enterprises</c>: one row per list item, keyed by its SharePoint
/// id, deleted items kept as tombstones. Partition <c>number-holders</c>: which item holds which number
/// (<see cref="EnterpriseNumber.Key"/>), valid or in quarantine, for finding duplicates.
/// <para>
/// <b>Personal data.</b> A sole trader's row shows its number masked in <c>OrganisationNumber</c> and is
/// marked <c>HoldsPersonalData</c>; the whole number is not stored (a feature that needs it reads it
/// from the list when it does). Rows written before kept it in <see cref="LegacyPersonalNumberColumn"/>,
/// which <see cref="EmptyLegacyNumbersAsync"/> empties.
/// </para>
/// </summary>
public sealed class EnterpriseStore(IntegrationStorage storage) : SourceTable(storage, TableNames.Enterprises, Partition)
{
    public const string Partition = "enterprises";
    public const string HoldersPartition = "number-holders";

    /// <summary>Where rows written before kept a sole trader's whole number; nothing writes it now.</summary>
    public const string LegacyPersonalNumberColumn = "PersonalIdentityNumber";
    public const string HoldsPersonalDataColumn = "HoldsPersonalData";

    /// <summary>The row of <see cref="HoldersPartition"/> that records its <see cref="NumberKeying.Id"/>; no item id starts with '~'.</summary>
    public const string KeyingRow = "~keying";
    public const string KeyingColumn = "Keying";

    /// <summary>
    /// Over what the row holds: of the number, an organisation number's digits (as the hash always
    /// had them) or a sole trader's masked number, never a key that depends on a secret.
    /// </summary>
    public static string Hash(Enterprise e) => e.SectorName is null
        ? ContentHash(e.Name, NumberForHash(e), e.LegalForm, e.WiseCriteriaMet, e.Sector, e.Contact)
        : ContentHash(e.Name, NumberForHash(e), e.LegalForm, e.WiseCriteriaMet, e.Sector, e.Contact, e.SectorName);

    // The sector's name is hashed only where there is one, so rows written before it was kept apart stay unchanged.
    private static string NumberForHash(Enterprise e) => e.Number.Organisation is { } o ? "O" + o.Digits : e.Number.Shown;

    /// <summary>The whole row: it replaces what was there, a quarantine mark or a tombstone included.</summary>
    public static TableEntity Row(Enterprise e, string hash, DateTimeOffset now)
    {
        var row = new TableEntity(Partition, e.Id)
        {
            ["Name"] = e.Name,
            ["OrganisationNumber"] = e.Number.Shown,
            ["NumberKind"] = e.Number.IsPersonal ? "PersonalIdentityNumber" : "OrganisationNumber",
            [HoldsPersonalDataColumn] = e.Number.IsPersonal,
            [ContentHashColumn] = hash,
            [IsDeletedColumn] = false,
            ["SyncedAt"] = now,
        };
        if (e.LegalForm is not null) row["LegalForm"] = e.LegalForm;
        if (e.WiseCriteriaMet is { } wise) row["WiseCriteriaMet"] = wise;
        if (e.Sector is not null) row["Sector"] = e.Sector;
        if (e.SectorName is not null) row["SectorName"] = e.SectorName;
        if (e.Contact is not null) row["Contact"] = e.Contact;
        return row;
    }

    /// <summary>A tombstone, merged over the row.</summary>
    public static TableEntity Tombstone(string id, DateTimeOffset now) =>
        new(Partition, id) { [IsDeletedColumn] = true, ["DeletedAt"] = now };

    /// <summary>
    /// Empties <see cref="LegacyPersonalNumberColumn"/> in every row that still holds a number there,
    /// valid, in quarantine or deleted alike: the write that would otherwise come next may be a
    /// quarantine mark or a tombstone, merges that leave a column as it is, or none at all. One query
    /// of two columns, run when <see cref="HoldersPartition"/> has no record of its keying yet (the
    /// upgrade from the versions that wrote the column).
    /// </summary>
    public async Task EmptyLegacyNumbersAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var actions = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey", LegacyPersonalNumberColumn], cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(row.GetString(LegacyPersonalNumberColumn)))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(Partition, row.RowKey) { [LegacyPersonalNumberColumn] = "" }));
            }
        }

        if (actions.Count > 0) await SubmitAsync(actions, ct);
    }

    /// <summary>Whether the enterprise with this id is in the register now, and if not, why not.</summary>
    public async Task<EnterpriseState> StateAsync(string id, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, [IsDeletedColumn, InQuarantineColumn], ct);
        if (!row.HasValue) return EnterpriseState.Unknown;
        if (row.Value!.GetBoolean(IsDeletedColumn) == true) return EnterpriseState.Deleted;
        return row.Value.GetBoolean(InQuarantineColumn) == true ? EnterpriseState.InQuarantine : EnterpriseState.Valid;
    }

    /// <summary>
    /// Every item's number key, and how the keys were made (null: before that was recorded); one
    /// query over a partition of short columns.
    /// </summary>
    public async Task<(Dictionary<string, string> Holders, string? Keying)> LoadHoldersAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        string? keying = null;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == HoldersPartition, select: ["RowKey", "NumberKey", KeyingColumn], cancellationToken: ct))
        {
            if (row.RowKey == KeyingRow) keying = row.GetString(KeyingColumn);
            else if (row.GetString("NumberKey") is { } key) holders[row.RowKey] = key;
        }

        return (holders, keying);
    }

    /// <summary>Records how the holders' keys are made, once a full read has made every one of them so.</summary>
    public Task SaveKeyingAsync(string keying, CancellationToken ct) =>
        SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(HoldersPartition, KeyingRow) { [KeyingColumn] = keying })], ct);

    /// <summary>Brings the holders partition in line with <paramref name="now"/>, writing only what differs from <paramref name="stored"/>.</summary>
    public async Task SaveHoldersAsync(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> now, IEnumerable<string> ids, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var before = stored.GetValueOrDefault(id);
            var after = now.GetValueOrDefault(id);
            if (before == after) continue;
            actions.Add(after is null
                ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(HoldersPartition, id), ETag.All)
                : new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(HoldersPartition, id)
                {
                    ["NumberKey"] = after,
                    [HoldsPersonalDataColumn] = after.StartsWith('P'),
                }));
        }

        if (actions.Count > 0) await SubmitAsync(actions, ct);
    }
}

/// <summary>An enterprise as an agreement sees it.</summary>
public enum EnterpriseState
{
    Valid,
    InQuarantine,
    Deleted,
    Unknown,
}
