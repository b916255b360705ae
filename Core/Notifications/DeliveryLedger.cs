using System.Collections.Concurrent;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Notifications;

/// <summary>
/// Which event reached which recipient: one row per event (RowKey) and recipient (PartitionKey:
/// <see cref="Channel"/>, <see cref="Person"/> by site-user lookup id, or <see cref="Coordinator"/>;
/// never an email), written in batch transactions right after the send was accepted. A person
/// Graph refused gets a row too, marked <c>Outcome = refused</c> with the status and code, so the
/// refusal is on record by lookup id and the same events are not tried again for them. An event with a row is never sent to that recipient again, whatever
/// redelivers or reruns it. A crash after the send and before the write means the event goes out
/// once more next time: a rare duplicate, never a loss.
/// </summary>
public sealed class DeliveryLedger(IntegrationStorage storage, TimeProvider time)
{
    /// <summary>The network's channel, reached through the Workflows webhook.</summary>
    public const string Channel = "channel";

    /// <summary>The network's coordinator (<c>Teams__CoordinatorEmail</c>), who gets escalated items.</summary>
    public const string Coordinator = "coordinator";

    public const string Sent = "sent";
    public const string Refused = "refused";

    private const int ReadParallelism = 8;

    /// <summary>A person's recipient key: their User Information List lookup id, which is no personal data.</summary>
    public static string Person(string lookupId) => "person-" + TableKeys.Escape(lookupId);

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
            ["Outcome"] = Sent,
        }));
        await TableBatch.SubmitAsync(table, rows, ct);
    }

    /// <summary>Graph refused these events for this recipient (403, 404, …): on record, and not tried again.</summary>
    /// <param name="code">Graph's error code, e.g. <c>Forbidden</c>; never its message, which may quote the address.</param>
    public async Task RecordRefusedAsync(string recipient, IReadOnlyCollection<string> eventIds, string runId, int? status, string? code, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.NotificationDeliveries, ct);
        var now = time.GetUtcNow();
        var rows = eventIds.Distinct(StringComparer.Ordinal).Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(recipient, TableKeys.Escape(id))
        {
            ["EventId"] = id,
            ["RunId"] = runId,
            ["Outcome"] = Refused,
            ["Status"] = status,
            ["Code"] = code,
            ["RefusedAt"] = now,
        }));
        await TableBatch.SubmitAsync(table, rows, ct);
    }
}
