using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// What the network's budget-assignment list holds, as last read through list delta or written by
/// the publisher: one row per SharePoint item in its own partition of the BudgetAssignments table.
/// A row keeps the synced columns' values as SharePoint gave them and, once the publisher wrote
/// the item, the content hash of the assignment it wrote: a later difference while that hash still
/// stands is an edit made in SharePoint.
/// </summary>
public sealed class BudgetAssignmentMirror(IntegrationStorage storage)
{
    public const string Partition = "sharepoint-items";

    public async Task<List<MirroredItem>> ReadAllAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.BudgetAssignments, ct);
        var items = new List<MirroredItem>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(row.GetString("Fields") ?? "{}") ?? [];
            items.Add(new MirroredItem(row.RowKey, fields, row.GetString("PublishedHash")));
        }

        return items;
    }

    /// <summary>Stores what SharePoint holds for an item; the published hash is left as it was.</summary>
    public static TableTransactionAction Seen(string itemId, IReadOnlyDictionary<string, string?> fields) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(Partition, itemId) { ["Fields"] = JsonSerializer.Serialize(fields) });

    /// <summary>Stores what the publisher wrote to an item and the hash of the assignment it wrote.</summary>
    public static TableTransactionAction Written(string itemId, IReadOnlyDictionary<string, string?> fields, string hash) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(Partition, itemId) { ["Fields"] = JsonSerializer.Serialize(fields), ["PublishedHash"] = hash });

    /// <summary>Writes the actions (one per item) in batches, and forgets the items SharePoint deleted.</summary>
    public async Task SubmitAsync(IReadOnlyCollection<TableTransactionAction> actions, IReadOnlyCollection<string> deleted, CancellationToken ct)
    {
        if (actions.Count == 0 && deleted.Count == 0) return;
        var table = await storage.TableAsync(TableNames.BudgetAssignments, ct);
        await TableBatch.SubmitAsync(table, actions, ct);

        // A delete of a row that is not there answers 404, which the SDK takes as done.
        foreach (var id in deleted) await table.DeleteEntityAsync(Partition, id, ETag.All, ct);
    }
}

/// <param name="Fields">The synced columns' values by internal name, as text (<see cref="SharePoint.SharePointItem"/>'s form).</param>
/// <param name="PublishedHash">The content hash of the assignment last written to the item; null if never written by us.</param>
public sealed record MirroredItem(string Id, IReadOnlyDictionary<string, string?> Fields, string? PublishedHash);
