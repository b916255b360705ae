using System.Collections.Concurrent;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Notifications;

/// <summary>
/// Which event reached which recipient: one row per event (RowKey) and recipient (PartitionKey:
/// <see cref="Channel"/>, later one per person), written in batch transactions right after the
/// send was accepted. An event with a row is never sent to that recipient again, whatever
/// redelivers or reruns it. A crash after the send and before the write means the event goes out
/// once more next time: a rare duplicate, never a loss.
/// </summary>
public sealed class DeliveryLedger(IntegrationStorage storage, TimeProvider time)
{
    /// <summary>The network's channel, reached through the Workflows webhook.</summary>
    public const string Channel = "channel";

    private const int ReadParallelism = 8;

    /// <summary>The ids among <paramref name="eventIds"/> already delivered to <paramref name="recipient"/>.</summary>
    public async Task<IReadOnlySet<string>> DeliveredAsync(string recipient, IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationDeliveries, ct);
        var delivered = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // Point reads: a night has tens of events, and the ledger grows by that much a night.
        await Parallel.ForEachAsync(eventIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct }, async (id, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(recipient, TableKeys.Escape(id), select: ["RowKey"], cancellationToken: token);
            if (row.HasValue) delivered[id] = true;
        });
        return delivered.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="post">Which post of the run carried them (1-based), for finding a message again.</param>
    public async Task RecordAsync(string recipient, IReadOnlyCollection<string> eventIds, string runId, int post, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationDeliveries, ct);
        var now = time.GetUtcNow();
        var rows = eventIds.Distinct(StringComparer.Ordinal).Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(recipient, TableKeys.Escape(id))
        {
            ["EventId"] = id,
            ["RunId"] = runId,
            ["Post"] = post,
            ["SentAt"] = now,
        }));
        await TableBatch.SubmitAsync(table, rows, ct);
    }
}
