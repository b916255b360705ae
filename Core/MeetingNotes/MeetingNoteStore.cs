using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// The MeetingNotes table. Partition <c>notes</c> holds each file as SharePoint has it now (the
/// engine's rows); partition <c>versions</c> holds every content version ever archived, keyed by
/// item and <c>quickXorHash</c>, with its SHA-256, its archive blob and its registration state.
/// A version row is written once and never deleted.
/// </summary>
public sealed partial class MeetingNoteStore(IntegrationStorage storage) : SourceTable(storage, TableNames.MeetingNotes, NotesPartition)
{
    public const string NotesPartition = "notes";
    public const string VersionsPartition = "versions";

    /// <summary>The item and its content's hash; hex, since base64 holds characters a key may not.</summary>
    public static string VersionKey(string itemId, string quickXorHash)
    {
        Span<byte> bytes = stackalloc byte[64];
        var hash = Convert.TryFromBase64String(quickXorHash, bytes, out var written)
            ? Convert.ToHexStringLower(bytes[..written])
            : quickXorHash;
        return TableKeys.Escape($"{itemId}:{hash}");
    }

    public Task<TableEntity?> GetVersionAsync(string itemId, string quickXorHash, CancellationToken ct) =>
        GetVersionAsync(VersionKey(itemId, quickXorHash), ct);

    public async Task<TableEntity?> GetVersionAsync(string versionKey, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(VersionsPartition, versionKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Records a page's newly archived versions in transactions of up to a hundred rows, each row
    /// added, never replaced: one recorded already (by an earlier run that stopped before its
    /// checkpoint, whose registration may be done by now) fails its transaction, and that chunk is
    /// then added row by row, the recorded ones left as they are.
    /// </summary>
    /// <param name="queuing">Their registrations are about to be queued: the rows say when, so a message that never arrived is noticed.</param>
    /// <returns>The page's version rows as they stand: those added now, and those recorded before as they were found.</returns>
    public async Task<IReadOnlyList<TableEntity>> AddVersionsAsync(IEnumerable<MeetingNote> notes, DateTimeOffset archivedAt, bool queuing, CancellationToken ct)
    {
        var rows = notes.Select(note => VersionRow(note, archivedAt, queuing)).DistinctBy(row => row.RowKey).ToList();
        if (rows.Count == 0) return [];

        var table = await TableAsync(ct);
        var recorded = new ConcurrentBag<TableEntity>();
        // A version row is a dozen short columns: a hundred stay far below a transaction's 4 MiB.
        await Parallel.ForEachAsync(rows.Chunk(TableBatch.MaxActions), new ParallelOptions { MaxDegreeOfParallelism = TableBatch.Parallelism, CancellationToken = ct }, async (chunk, token) =>
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), token);
                foreach (var row in chunk) recorded.Add(row);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                foreach (var row in chunk) recorded.Add(await AddOrFindAsync(table, row, token));
            }
        });
        return [.. recorded];
    }

    /// <summary>A row recorded already is read back as it stands: its registration or announcement may be done.</summary>
    private static async Task<TableEntity> AddOrFindAsync(TableClient table, TableEntity row, CancellationToken ct)
    {
        try
        {
            await table.AddEntityAsync(row, ct);
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(VersionsPartition, row.RowKey, cancellationToken: ct);
            return found.HasValue ? found.Value! : row;
        }
    }

    private static TableEntity VersionRow(MeetingNote note, DateTimeOffset archivedAt, bool queuing)
    {
        var version = WithNoteColumns(new TableEntity(VersionsPartition, VersionKey(note.ItemId, note.QuickXorHash)), note);
        version["ItemId"] = note.ItemId;
        version["ArchivedAt"] = archivedAt;
        version[RegistrationStateColumn] = RegistrationState.Pending;
        if (queuing) version[QueuedAtColumn] = archivedAt;
        return version;
    }

    /// <summary>The row of the file as it is now: every column the engine writes, replaced whole.</summary>
    public static TableEntity Current(MeetingNote note, string hash)
    {
        var row = WithNoteColumns(new TableEntity(NotesPartition, note.ItemId), note);
        row[ContentHashColumn] = hash;
        row[IsDeletedColumn] = false;
        row[InQuarantineColumn] = false;
        return row;
    }

    /// <summary>What a file row and a version row both say of the note.</summary>
    private static TableEntity WithNoteColumns(TableEntity entity, MeetingNote note)
    {
        entity["DriveId"] = note.DriveId;
        entity["FileName"] = note.FileName;
        entity["ETag"] = note.ETag;
        entity["QuickXorHash"] = note.QuickXorHash;
        entity["Sha256"] = note.Sha256;
        entity["Size"] = note.Size;
        entity["ContentType"] = note.ContentType;
        entity["MeetingDate"] = note.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entity["Group"] = note.Group;
        entity["ArchiveBlob"] = note.ArchiveBlob;
        entity["WebUrl"] = note.WebUrl;
        return entity;
    }
}
