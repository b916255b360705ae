using Azure.Data.Tables;

namespace Integration.Core.Storage;

/// <summary>
/// The Quarantine table: one row per source item that failed validation, keyed by source and
/// item id, so a rerun overwrites rather than piles up. Rows stay as a record after the item is
/// fixed; the run that fixed it shows it as created or updated.
/// </summary>
public sealed class QuarantineStore(IntegrationStorage storage, TimeProvider time)
{
    public const string PayloadContainer = ContainerNames.Quarantine;

    /// <summary>Payloads above this go to a blob; a table string property holds at most 64 KiB.</summary>
    internal const int MaxInlinePayload = 30_000;

    /// <summary>Reasons quote values cut short already; this keeps any reason inside a table property.</summary>
    private const int MaxReason = 2_000;

    public async Task AddAsync(IReadOnlyCollection<QuarantinedItem> items, string runId, CancellationToken ct)
    {
        if (items.Count == 0) return;
        var table = await storage.TableAsync(TableNames.Quarantine, ct);
        var actions = new List<TableTransactionAction>(items.Count);
        // One row per item: a transaction may not touch an entity twice, and the last reason wins.
        foreach (var item in items.GroupBy(i => (i.Source, i.ItemId)).Select(g => g.Last()))
        {
            var entity = new TableEntity(item.Source, TableKeys.Escape(item.ItemId))
            {
                ["ItemId"] = item.ItemId,
                ["Reason"] = item.Reason.Length <= MaxReason ? item.Reason : string.Concat(item.Reason.AsSpan(0, MaxReason), "…"),
                ["RunId"] = runId,
                ["QuarantinedAt"] = time.GetUtcNow(),
            };
            if (item.RawPayload.Length <= MaxInlinePayload)
            {
                entity["RawPayload"] = item.RawPayload;
            }
            else
            {
                entity["PayloadBlob"] = await UploadPayloadAsync(item, runId, ct);
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        await TableBatch.SubmitAsync(table, actions, ct);
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
