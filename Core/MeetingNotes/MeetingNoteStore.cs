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

    /// <summary>Records a newly archived version; a version recorded already (a rerun) is left as it is.</summary>
    /// <param name="queuing">Its registration is about to be queued: the row says when, so a message that never arrived is noticed.</param>
    public async Task AddVersionAsync(MeetingNote note, DateTimeOffset archivedAt, bool queuing, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        try
        {
            var version = WithNoteColumns(new TableEntity(VersionsPartition, VersionKey(note.ItemId, note.QuickXorHash)), note);
            version["ItemId"] = note.ItemId;
            version["ArchivedAt"] = archivedAt;
            version[RegistrationStateColumn] = RegistrationState.Pending;
            if (queuing) version[QueuedAtColumn] = archivedAt;
            await table.AddEntityAsync(version, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded by an earlier run that stopped before its checkpoint.
        }
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
