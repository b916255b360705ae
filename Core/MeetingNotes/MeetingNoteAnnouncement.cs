using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.Configuration;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.SharePoint;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Tells the network of a new meeting-note version, once: a <see cref="NotificationEvents.MeetingNoteAdded"/>
/// for the digest's "Nya minnesanteckningar", sent when the version is registered (with the document
/// number the case system gave it, which is also written to the file's <c>CaseDocumentNumber</c> column so
/// people see in SharePoint that the note is registered) or, without a case system, when it is archived.
/// The version row's <c>Announced</c> column is the ledger: the event goes straight to the queue where it is
/// not set, and the column is set after the send, so a crash in between repeats an event (one event id,
/// which the digest's delivery ledger sends once) and never loses one; a redelivered registration, or a
/// version registered later than it was announced on archiving, is not announced twice.
/// </summary>
public sealed partial class MeetingNoteAnnouncement(
    QueueSender queue,
    SharePointDrives drives,
    MeetingNoteStore store,
    IOptions<SharePointOptions> sharePoint,
    TimeProvider time,
    ILogger<MeetingNoteAnnouncement> logger)
{
    public const string AnnouncedColumn = "Announced";

    private readonly ColumnNames _columns = new(sharePoint.Value, MeetingNoteColumns.List);

    /// <summary>Whether the version row says its announcement is done.</summary>
    public static bool IsDone(TableEntity version) => version.GetBoolean(AnnouncedColumn) == true;

    /// <summary>A registered version: its document number on the file, then its event unless it was announced already.</summary>
    /// <param name="documentNumber">The case system's number for the registered document.</param>
    public async Task AnnounceAsync(TableEntity version, string versionKey, string itemId, string? documentNumber, CancellationToken ct)
    {
        if (documentNumber is not null && version.GetString("DriveId") is { } driveId) await WriteDocumentNumberAsync(driveId, itemId, documentNumber, ct);
        if (IsDone(version)) return;
        await queue.SendAsync(Message(version, versionKey, itemId, documentNumber, time.GetUtcNow()), ct);
        await store.MarkAnnouncedAsync(versionKey, ct);
    }

    /// <summary>
    /// Without a case system, a page's archived versions: an event for each one not announced yet, the
    /// page's events packed into a few messages, then the page's rows marked announced in transactions.
    /// </summary>
    /// <param name="versions">Version rows as they stand, with their <c>ItemId</c>.</param>
    public async Task AnnounceArchivedAsync(IReadOnlyCollection<TableEntity> versions, CancellationToken ct)
    {
        var due = versions.Where(v => !IsDone(v)).DistinctBy(v => v.RowKey).ToList();
        if (due.Count == 0) return;

        var now = time.GetUtcNow();
        await NotificationBatchMessage.SendAsync(queue, due.Select(v => Message(v, v.RowKey, v.GetString("ItemId"), documentNumber: null, now)), ct);
        await store.MarkAnnouncedAsync(due.Select(v => v.RowKey), ct);
    }

    public static NotificationMessage Message(TableEntity version, string versionKey, string itemId, string? documentNumber, DateTimeOffset now)
    {
        var facts = new List<NotificationFact>();
        if (version.GetString("MeetingDate") is { } date) facts.Add(new("Mötesdatum", date));
        if (version.GetString("Group") is { Length: > 0 } group) facts.Add(new("Grupp", group));
        if (documentNumber is not null) facts.Add(new("Diariefört som", documentNumber));
        return new NotificationMessage(
            EventId: $"{MeetingNotesModule.Source}:{versionKey}:{NotificationEvents.MeetingNoteAdded}",
            Event: NotificationEvents.MeetingNoteAdded,
            Source: MeetingNotesModule.Source,
            ItemId: itemId,
            Title: version.GetString("FileName") ?? itemId,
            RecipientLookupId: null,
            Facts: facts,
            WebUrl: version.GetString("WebUrl"),
            DetectedAt: now);
    }

    /// <summary>
    /// The document number on the file. A library without the column, or a file deleted since, does not
    /// undo the registration: the number is in the index and the case system either way.
    /// </summary>
    private async Task WriteDocumentNumberAsync(string driveId, string itemId, string documentNumber, CancellationToken ct)
    {
        var column = _columns[MeetingNoteColumns.CaseDocumentNumber];
        if (string.IsNullOrWhiteSpace(column)) return;
        try
        {
            await drives.UpdateListItemFieldsAsync(driveId, itemId, new Dictionary<string, object> { [column] = documentNumber }, ct);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 400 or 404)
        {
            LogNumberNotWritten(itemId, column, error.ResponseStatusCode, error.Error?.Message ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The document number of meeting note {ItemId} could not be written to its column {Column} (HTTP {Status}: {Error}); set SharePoint__Fields__MeetingNotes__CaseDocumentNumber to the library's column.")]
    private partial void LogNumberNotWritten(string itemId, string column, int status, string error);
}
