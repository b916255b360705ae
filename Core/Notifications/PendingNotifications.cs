using System.Text.Json;
using Azure.Data.Tables;
using Integration.Core.Queues;
using Integration.Core.Storage;

namespace Integration.Core.Notifications;

/// <summary>
/// Events taken off the <c>notifications</c> queue and not yet delivered: the queue brings them one
/// at a time, the night's digest wants them together. A row is keyed by the event id, so a
/// redelivered message writes the same row again. Rows go once the ledger holds their delivery.
/// </summary>
public sealed class PendingNotifications(IntegrationStorage storage, TimeProvider time)
{
    private const string Partition = "pending";

    public async Task RecordAsync(NotificationMessage message, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationEvents, ct);
        await table.UpsertEntityAsync(Row(message), TableUpdateMode.Replace, ct);
    }

    /// <summary>Several events in batch transactions; a pack recorded again writes the same rows.</summary>
    public async Task RecordAsync(IEnumerable<NotificationMessage> messages, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationEvents, ct);
        // A pack could name an event twice; a transaction may not touch a row twice, and the last one is the one kept.
        var rows = messages.GroupBy(m => m.EventId, StringComparer.Ordinal).Select(g => Row(g.Last()));
        await TableBatch.SubmitAsync(table, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
    }

    private TableEntity Row(NotificationMessage message) => new(Partition, TableKeys.Escape(message.EventId))
    {
        ["Event"] = message.Event,
        ["Source"] = message.Source,
        ["ItemId"] = message.ItemId,
        ["Message"] = JsonSerializer.Serialize(message, QueueSender.Json),
        ["ReceivedAt"] = time.GetUtcNow(),
    };

    /// <summary>Every pending event: one partition query. A night holds tens of them, not thousands.</summary>
    public async Task<IReadOnlyList<NotificationMessage>> ListAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationEvents, ct);
        var pending = new List<NotificationMessage>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["Message"], cancellationToken: ct))
        {
            pending.Add(QueueSender.Parse<NotificationMessage>(row.GetString("Message")));
        }

        return pending;
    }

    /// <summary>Drops delivered events, in batch transactions.</summary>
    public async Task RemoveAsync(IEnumerable<string> eventIds, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationEvents, ct);
        var deletes = eventIds.Distinct(StringComparer.Ordinal)
            .Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, TableKeys.Escape(id)), Azure.ETag.All))
            .ToList();
        await TableBatch.SubmitAsync(table, deletes, ct);
    }
}
