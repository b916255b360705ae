using Azure;
using Azure.Data.Tables;
using Integration.Core.Queues;
using Integration.Core.Storage;

namespace Integration.Core.Notifications;

/// <summary>
/// Enqueues each notification event once. The ledger row is written after the message, so a
/// crash in between can repeat a message (same EventId, dropped by the sender) but never lose one.
/// </summary>
public sealed class NotificationOutbox(IntegrationStorage storage, QueueSender queue, TimeProvider time)
{
    /// <returns>True when the event was enqueued now, false when it had been already.</returns>
    public async Task<bool> EnqueueOnceAsync(NotificationMessage message, CancellationToken ct)
    {
        var ledger = await storage.TableAsync(TableNames.NotificationLedger, ct);
        var rowKey = TableKeys.Escape(message.EventId);
        var existing = await ledger.GetEntityIfExistsAsync<TableEntity>(message.Source, rowKey, select: ["RowKey"], cancellationToken: ct);
        if (existing.HasValue) return false;

        await queue.SendAsync(message, ct);
        try
        {
            await ledger.AddEntityAsync(new TableEntity(message.Source, rowKey)
            {
                ["Event"] = message.Event,
                ["ItemId"] = message.ItemId,
                ["EnqueuedAt"] = time.GetUtcNow(),
            }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another worker enqueued the same event at the same moment; the sender drops the repeat.
        }

        return true;
    }
}
