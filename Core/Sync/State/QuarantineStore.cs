using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Sync.State;

/// <summary>
/// The Quarantine table: one row per source item that failed validation, keyed by source and
/// item id, so a rerun overwrites rather than piles up. A row is <c>Open</c> while the item is in
/// quarantine, with when it was first and last seen so; when the item comes back valid (or is
/// deleted) the row is resolved and stays as history.
/// </summary>
public sealed class QuarantineStore(IntegrationStorage storage, TimeProvider time)
{
    public const string PayloadContainer = ContainerNames.Quarantine;

    /// <summary>Payloads above this go to a blob; a table string property holds at most 64 KiB.</summary>
    internal const int MaxInlinePayload = 30_000;

    /// <summary>Reasons quote values cut short already; this keeps any reason inside a table property.</summary>
    private const int MaxReason = 2_000;

    public const string OpenColumn = "Open";

    /// <param name="open">
    /// Items whose entry is open already, with its reason: their <c>FirstSeen</c> stays, and an entry
    /// whose reason is the same is left as it is, so an item read again unfixed (the night's own
    /// data-problem text coming back through delta, say) writes nothing.
    /// </param>
    public async Task AddAsync(IReadOnlyCollection<QuarantinedItem> items, string runId, IReadOnlyDictionary<string, string> open, CancellationToken ct)
    {
        if (items.Count == 0) return;
        var table = await storage.TableAsync(TableNames.Quarantine, ct);
        var actions = new List<TableTransactionAction>(items.Count);
        // One row per item: a transaction may not touch an entity twice, and the last reason wins.
        foreach (var item in items.GroupBy(i => (i.Source, i.ItemId)).Select(g => g.Last()))
        {
            var reason = item.Reason.Length <= MaxReason ? item.Reason : string.Concat(item.Reason.AsSpan(0, MaxReason), "…");
            if (open.TryGetValue(item.ItemId, out var openReason) && openReason == reason) continue;
            var entity = new TableEntity(item.Source, TableKeys.Escape(item.ItemId))
            {
                ["ItemId"] = item.ItemId,
                ["Name"] = item.Name is null ? null : Privacy.NetworkText.Safe(item.Name),
                ["Reason"] = reason,
                ["RunId"] = runId,
                ["QuarantinedAt"] = time.GetUtcNow(),
                [OpenColumn] = true,
                ["ResolvedAt"] = null,
                ["ResolvedRunId"] = null,
            };
            if (!open.ContainsKey(item.ItemId)) entity["FirstSeen"] = time.GetUtcNow();
            if (item.RawPayload.Length <= MaxInlinePayload)
            {
                entity["RawPayload"] = item.RawPayload;
                entity["PayloadBlob"] = null;
            }
            else
            {
                entity["PayloadBlob"] = await UploadPayloadAsync(item, runId, ct);
                entity["RawPayload"] = null;
            }

            // Merged, so the first time it was seen stays while the reason and payload are the latest.
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity));
        }

        await TableBatch.SubmitAsync(table, actions, ct);
    }

    /// <summary>The source's items in quarantine now, with their reasons; rows written before entries were resolved count as open.</summary>
    public async Task<Dictionary<string, string>> OpenIdsAsync(string source, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Quarantine, ct);
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == source, select: ["ItemId", "Reason", OpenColumn], cancellationToken: ct))
        {
            if (row.GetBoolean(OpenColumn) != false && row.GetString("ItemId") is { } id) open[id] = row.GetString("Reason") ?? "";
        }

        return open;
    }

    /// <summary>
    /// Closes the entries of items that came back valid or were deleted; they stay as history. A
    /// merge that would create a row (one deleted by hand) leaves a bare resolved entry: harmless.
    /// </summary>
    public async Task ResolveAsync(string source, IReadOnlyCollection<string> itemIds, string runId, CancellationToken ct)
    {
        if (itemIds.Count == 0) return;
        var table = await storage.TableAsync(TableNames.Quarantine, ct);
        var now = time.GetUtcNow();
        await TableBatch.SubmitAsync(table, itemIds.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(source, TableKeys.Escape(id))
        {
            [OpenColumn] = false,
            ["ResolvedAt"] = now,
            ["ResolvedRunId"] = runId,
        })).ToList(), ct);
    }

    /// <summary>
    /// The open entries of a source, as operations show them: quoted values in a reason are left out
    /// (they may be anything, a name included); the table and the source item have them.
    /// </summary>
    public async IAsyncEnumerable<OpenQuarantineEntry> OpenEntriesAsync(string source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in ListAsync(source, ct))
        {
            if (row.GetBoolean(OpenColumn) == false) continue;
            var lastSeen = row.GetDateTimeOffset("QuarantinedAt");
            yield return new OpenQuarantineEntry(source, row.GetString("ItemId") ?? row.RowKey, Privacy.PersonalData.RedactQuoted(row.GetString("Reason") ?? ""), row.GetDateTimeOffset("FirstSeen") ?? lastSeen, lastSeen)
            {
                Name = row.GetString("Name"),
            };
        }
    }

    public async IAsyncEnumerable<TableEntity> ListAsync(string source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var table = await storage.TableAsync(TableNames.Quarantine, ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == source, cancellationToken: ct))
        {
            yield return row;
        }
    }

    private async Task<string> UploadPayloadAsync(QuarantinedItem item, string runId, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(PayloadContainer, ct);
        var name = $"{item.Source}/{TableKeys.Escape(item.ItemId)}/{runId}.json";
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(item.RawPayload), overwrite: true, ct);
        return $"{PayloadContainer}/{name}";
    }
}

/// <summary>An item in quarantine now: its id, the reason with quoted values left out, and when it was first and last seen.</summary>
public sealed record OpenQuarantineEntry(string Source, string ItemId, string Reason, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen)
{
    /// <summary>How people name the item (a meeting note's file name, an activity's title), with no personal number or address; null when not recorded.</summary>
    public string? Name { get; init; }

    /// <summary>The item as an output names it: <c>item 7 'Protokoll 3 december.docx'</c>.</summary>
    public string Label => Name is { Length: > 0 } name ? $"item {ItemId} '{name}'" : $"item {ItemId}";
}
