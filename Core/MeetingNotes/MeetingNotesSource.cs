using System.Collections.Concurrent;
using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.CaseSystem;
using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Options;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// The network's meeting notes (minnesanteckningar) as a source on the <see cref="DeltaSyncEngine"/>,
/// read through the library's drive delta. A file is taken when its type, size and meeting date
/// are right; its content is downloaded only when SharePoint's <c>quickXorHash</c> names a version
/// not archived yet, so a rename or a metadata edit updates the row and archives nothing. A
/// deleted file is tombstoned; its archived versions stay. Each new version is queued for
/// registration in the case system (<see cref="CaseRegistrationHandler"/>); archiving never waits for it.
/// </summary>
public sealed class MeetingNotesSource(
    SharePointDrives drives,
    MeetingNoteStore store,
    MeetingNoteArchive archive,
    MeetingNoteAnnouncement announcement,
    QueueSender queue,
    IOptions<CaseSystemOptions> caseSystem,
    IOptions<SharePointOptions> sharePoint,
    IOptions<MeetingNotesOptions> options,
    NetworkCalendar calendar,
    TimeProvider time) : IDeltaSource<DriveFile, MeetingNote>
{
    /// <summary>The settings' name for the library's columns: <c>SharePoint__Fields__MeetingNotes__…</c>.</summary>
    public const string ColumnsList = MeetingNoteColumns.List;

    /// <summary>
    /// How long a queued registration may stay pending before the night queues it again. A day:
    /// far longer than the queue takes with its retries, so only a message that never arrived is sent again.
    /// </summary>
    public static readonly TimeSpan RequeueAfter = TimeSpan.FromDays(1);

    /// <summary>Downloads at once: a few, so a night of many new notes neither crawls nor floods SharePoint.</summary>
    private const int DownloadParallelism = 2;

    /// <summary>Registration messages sent at once after a page's version rows.</summary>
    private const int SendParallelism = 4;

    // Named so the per-run class below can reach them.
    private readonly MeetingNoteStore _store = store;
    private readonly MeetingNoteArchive _archive = archive;
    private readonly QueueSender _queue = queue;
    private readonly bool _registers = caseSystem.Value.IsConfigured;
    private readonly MeetingNotesOptions _options = options.Value;
    private readonly TimeProvider _time = time;
    private readonly ColumnNames _columns = new(sharePoint.Value, ColumnsList);
    private readonly TimeZoneInfo _siteTimeZone = calendar.TimeZone;
    private readonly SharePointDrives _drives = drives;
    private readonly MeetingNoteAnnouncement _announcement = announcement;

    public string Name => MeetingNotesModule.Source;

    public string? Reference => sharePoint.Value.Library(MeetingNotesModule.Source);

    public IDeltaFeed<DriveFile> Feed => field ??= new DriveItemDeltaFeed(_drives);

    public SourceTable Table => _store;

    private string MeetingDateColumn => _columns[MeetingNoteColumns.MeetingDate];

    private string GroupColumn => _columns[MeetingNoteColumns.Group, MeetingNoteColumns.GroupDefault];

    public IDeltaSourceRun<DriveFile, MeetingNote> StartRun(string runId, string containerId) =>
        new Run(this, runId, containerId, new DriveItemFields(_drives, containerId, _columns.WithDataProblem([MeetingDateColumn, GroupColumn])));

    private sealed class Run(MeetingNotesSource source, string runId, string driveId, DriveItemFields fields) : IDeltaSourceRun<DriveFile, MeetingNote>
    {
        private readonly MeetingNotesOptions _rules = source._options;

        public IProblemColumn<DriveFile> Problems => field ??= new LibraryProblemColumn(source._drives, source._columns, fields);

        /// <summary>
        /// Queues the registration of every version left pending without a message: archived while
        /// no case system was configured, or queued long ago and never taken up. Versions whose file
        /// changes are queued again as they are seen; these would otherwise wait for an edit.
        /// </summary>
        public async Task BeginFeedAsync(bool fullSync, CancellationToken ct)
        {
            if (!source._registers) return;
            var now = source._time.GetUtcNow();
            await foreach (var (versionKey, itemId) in source._store.UnqueuedPendingAsync(now - RequeueAfter, ct))
            {
                await source._queue.SendAsync(new CaseRegistrationMessage(runId, versionKey, itemId), ct);
                await source._store.MarkQueuedAsync(versionKey, now, ct);
            }
        }

        // Only files that pass the rules that need no download have their columns read; a refused
        // one too where the night writes its problem on it, so the column's text is known and
        // the echo of the write is seen as one.
        public Task BeforePageAsync(IReadOnlyCollection<DriveFile> live, CancellationToken ct) =>
            fields.LoadAsync(live.Where(f => Refusal(f) is null || Problems.InternalName is not null).ToList(), ct);

        public ValueTask<SourceMapping<MeetingNote>> MapAsync(DriveFile file, CancellationToken ct)
        {
            if (Refusal(file) is { } refused) return ValueTask.FromResult(SourceMapping.Rejected<MeetingNote>(refused));

            var item = fields.Get(file.Id);
            if (item is null) return ValueTask.FromResult(SourceMapping.Rejected<MeetingNote>("The file's library columns could not be read; SharePoint no longer has them."));

            var rawDate = item.Text(source.MeetingDateColumn);
            if (rawDate is null)
            {
                return ValueTask.FromResult(SourceMapping.Rejected<MeetingNote>(MeetingNoteTexts.MeetingDateMissing(source.MeetingDateColumn)));
            }

            if (!SharePointDates.TryParseCalendarDate(rawDate, source._siteTimeZone, out var meetingDate))
            {
                return ValueTask.FromResult(SourceMapping.Rejected<MeetingNote>(MeetingNoteTexts.MeetingDateNotADate(rawDate)));
            }

            return ValueTask.FromResult(SourceMapping.Valid(new MeetingNote(
                file.Id, driveId, file.Name!, file.ETag, file.QuickXorHash!, file.Size!.Value, file.MimeType,
                meetingDate, item.Text(source.GroupColumn)?.Trim(), file.WebUrl)));
        }

        /// <summary>
        /// New or changed files: a version already archived is reused, a new one downloaded and
        /// archived. A download that is not the version the delta described is deferred: the file
        /// is probably being replaced, and the next night reads it again. The page's new version
        /// rows are then written together, in transactions, and only after them is each one's
        /// registration queued or, without a case system, its announcement sent: a crash anywhere
        /// leaves the next run a version to archive, record or announce again, never one skipped.
        /// </summary>
        public async Task<IReadOnlyList<SourceMapping<MeetingNote>>> ChangedAsync(IReadOnlyList<ChangedRecord<MeetingNote>> changed, CancellationToken ct)
        {
            var outcomes = new SourceMapping<MeetingNote>[changed.Count];
            var archived = new ConcurrentBag<MeetingNote>();
            var found = new ConcurrentBag<TableEntity>();
            await Parallel.ForEachAsync(Enumerable.Range(0, changed.Count), new ParallelOptions { MaxDegreeOfParallelism = DownloadParallelism, CancellationToken = ct }, async (i, token) =>
            {
                var note = changed[i].Record;
                if (await source._store.GetVersionAsync(note.ItemId, note.QuickXorHash, token) is { } version)
                {
                    // A version archived before whose registration never finished (a run stopped
                    // between archive and queue, or the message was poisoned) is queued again; the
                    // handler makes a repeat harmless. Without a case system, one whose run stopped
                    // before its announcement is announced now.
                    if (source._registers && version.GetString(MeetingNoteStore.RegistrationStateColumn) != RegistrationState.Registered) await QueueRegistrationAsync(note, token);
                    if (!source._registers) found.Add(version);
                    outcomes[i] = SourceMapping.Valid(note with { Sha256 = version.GetString("Sha256"), ArchiveBlob = version.GetString("ArchiveBlob") });
                    return;
                }

                outcomes[i] = await source._archive.ArchiveAsync(note, token);
                if (outcomes[i].Record is { } record) archived.Add(record);
            });

            var added = await source._store.AddVersionsAsync(archived, source._time.GetUtcNow(), source._registers, ct);
            if (source._registers)
            {
                await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = SendParallelism, CancellationToken = ct }, async (version, token) =>
                {
                    if (version.GetString(MeetingNoteStore.RegistrationStateColumn) != RegistrationState.Registered) await QueueRegistrationAsync(version, token);
                });
            }
            else
            {
                // Without a case system the new version is announced as it is archived; with one, when it is registered.
                await source._announcement.AnnounceArchivedAsync([.. found, .. added], ct);
            }

            return outcomes;
        }

        // Only with a case system; without one the version stays pending in the index, and the night reports registration as not configured.
        private Task QueueRegistrationAsync(MeetingNote note, CancellationToken ct) =>
            source._queue.SendAsync(new CaseRegistrationMessage(runId, MeetingNoteStore.VersionKey(note.ItemId, note.QuickXorHash), note.ItemId), ct);

        private Task QueueRegistrationAsync(TableEntity version, CancellationToken ct) =>
            source._queue.SendAsync(new CaseRegistrationMessage(runId, version.RowKey, version.GetString("ItemId")), ct);

        public string IdOf(MeetingNote record) => record.ItemId;

        // What SharePoint says of the file; the SHA-256 and blob follow from its quickXorHash.
        public string HashOf(MeetingNote record) => SourceTable.ContentHash(
            record.FileName, record.QuickXorHash, record.Size, record.ContentType, record.MeetingDate.DayNumber, record.Group, record.WebUrl);

        public TableTransactionAction Write(MeetingNote record, string hash, DigestMatch match, DateTimeOffset now) =>
            new(TableTransactionActionType.UpsertReplace, MeetingNoteStore.Current(record, hash));

        public TableEntity Tombstone(string id, DateTimeOffset now) =>
            new(MeetingNoteStore.NotesPartition, id) { [SourceTable.IsDeletedColumn] = true, ["DeletedAt"] = now };

        /// <summary>The rules a file's name and size settle, before anything is read or downloaded.</summary>
        private ItemProblem? Refusal(DriveFile file)
        {
            var extension = Path.GetExtension(file.Name ?? "");
            if (!_rules.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return MeetingNoteTexts.TypeNotTaken(extension, _rules.Extensions);
            if (file.Size is not { } size || file.QuickXorHash is null) return MeetingNoteTexts.NoSizeOrHash();
            if (size > _rules.MaxFileBytes) return MeetingNoteTexts.TooLarge(size, _rules.MaxFileBytes);
            return null;
        }
    }
}
