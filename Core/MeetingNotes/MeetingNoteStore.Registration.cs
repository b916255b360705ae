using Azure;
using Azure.Data.Tables;
using Integration.Core.CaseSystem;
using Integration.Core.Storage;

namespace Integration.Core.MeetingNotes;

/// <summary>The registration columns of a version row: state, document number, claim and last error.</summary>
public sealed partial class MeetingNoteStore
{
    public const string RegistrationStateColumn = "RegistrationState";
    public const string QueuedAtColumn = "QueuedAt";

    /// <summary>
    /// Pending versions whose registration was never queued (archived while no case system was
    /// configured) or queued before <paramref name="queuedBefore"/> and still not taken up (its
    /// message was lost, say, in a crash between the row and the message). Pending rows are few:
    /// the query returns only them.
    /// </summary>
    public async IAsyncEnumerable<(string VersionKey, string ItemId)> UnqueuedPendingAsync(
        DateTimeOffset queuedBefore, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {VersionsPartition} and RegistrationState eq {RegistrationState.Pending}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "ItemId", QueuedAtColumn], cancellationToken: ct))
        {
            if (row.GetDateTimeOffset(QueuedAtColumn) is { } queued && queued >= queuedBefore) continue;
            yield return (row.RowKey, row.GetString("ItemId"));
        }
    }

    public async Task MarkQueuedAsync(string versionKey, DateTimeOffset now, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await table.UpdateEntityAsync(new TableEntity(VersionsPartition, versionKey) { [QueuedAtColumn] = now }, ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>
    /// Takes the version for one registration attempt, so two deliveries of its message (a
    /// duplicate, or a rerun's) cannot both find no document and both create one. The claim is an
    /// optimistic write on the row's ETag; it lapses at <paramref name="until"/>, so a worker that
    /// died holding it does not block the version for ever. The delivery that holds it (same
    /// message id) may take it again at once.
    /// </summary>
    /// <returns>False when another delivery holds it or took it first; try again later.</returns>
    public async Task<bool> TryClaimAsync(TableEntity version, string claimant, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        if (version.GetString(RegistrationStateColumn) == RegistrationState.Registering
            && version.GetString("ClaimedBy") != claimant
            && version.GetDateTimeOffset("ClaimedUntil") > now)
        {
            return false;
        }

        var table = await TableAsync(ct);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(VersionsPartition, version.RowKey)
            {
                [RegistrationStateColumn] = RegistrationState.Registering,
                ["ClaimedBy"] = claimant,
                ["ClaimedUntil"] = until,
            }, version.ETag, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task MarkRegisteredAsync(string versionKey, CaseDocument document, string outcome, string runId, DateTimeOffset now, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await table.UpdateEntityAsync(new TableEntity(VersionsPartition, versionKey)
        {
            [RegistrationStateColumn] = RegistrationState.Registered,
            ["DocumentNumber"] = document.DocumentNumber,
            ["DocumentRecordId"] = document.RecordId,
            ["RegistrationOutcome"] = outcome,
            ["RegisteredAt"] = now,
            ["RegistrationRunId"] = runId,
            ["LastError"] = null,
            ["ClaimedBy"] = null,
            ["ClaimedUntil"] = null,
        }, ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>The version's announcement (its event, its document number on the file) is done.</summary>
    public async Task MarkAnnouncedAsync(string versionKey, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await table.UpdateEntityAsync(Announced(versionKey), ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>The announcements of a page's versions are done: merged in transactions of up to a hundred rows.</summary>
    public async Task MarkAnnouncedAsync(IEnumerable<string> versionKeys, CancellationToken ct)
    {
        var actions = versionKeys.Distinct(StringComparer.Ordinal)
            .Select(key => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Announced(key), ETag.All))
            .ToList();
        if (actions.Count == 0) return;
        await TableBatch.SubmitAsync(await TableAsync(ct), actions, ct);
    }

    private static TableEntity Announced(string versionKey) => new(VersionsPartition, versionKey) { [MeetingNoteAnnouncement.AnnouncedColumn] = true };

    public async Task MarkFailedAsync(string versionKey, string error, long attempts, string runId, DateTimeOffset now, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await table.UpdateEntityAsync(new TableEntity(VersionsPartition, versionKey)
        {
            [RegistrationStateColumn] = RegistrationState.Failed,
            ["LastError"] = error.Length > 2000 ? error[..2000] : error,
            ["FailedAt"] = now,
            ["Attempts"] = (int)Math.Min(attempts, int.MaxValue),
            ["RegistrationRunId"] = runId,
            ["ClaimedBy"] = null,
            ["ClaimedUntil"] = null,
        }, ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>What the registrations of one night came to: counted from the version rows they wrote.</summary>
    public async Task<RegistrationCounts> CountRegistrationsAsync(string runId, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        int registered = 0, found = 0, failed = 0, pending = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {VersionsPartition} and RegistrationRunId eq {runId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [RegistrationStateColumn, "RegistrationOutcome"], cancellationToken: ct))
        {
            switch (row.GetString(RegistrationStateColumn))
            {
                case RegistrationState.Registered when row.GetString("RegistrationOutcome") == RegistrationState.Found:
                    found++;
                    break;
                case RegistrationState.Registered:
                    registered++;
                    break;
                case RegistrationState.Failed:
                    failed++;
                    break;
                default:
                    pending++;
                    break;
            }
        }

        return new RegistrationCounts(registered, found, failed, pending);
    }
}

/// <summary>A night's registrations: created, found already registered (a lost answer, a rerun), failed, and still under way.</summary>
public sealed record RegistrationCounts(int Registered, int AlreadyRegistered, int Failed, int InProgress);
