using System.Threading.Channels;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync;

/// <summary>
/// Brings one SharePoint source into its table through delta. The next page is fetched while the
/// current one is stored, at most two pages of writes are in flight, and the delta link is saved
/// only at the end, after everything it covers is stored. Items are compared with the source's
/// <see cref="SyncDigest"/>, not with their rows, so a night reads no rows at all: a new item is
/// added, a changed one written as the source decides, and one whose synced columns did not
/// change is not written. Every item read ends as exactly one of created, updated, unchanged,
/// deleted, quarantined or deferred; a night that defers an item saves no delta link.
/// </summary>
public sealed partial class DeltaSyncEngine(
    DeltaCheckpointStore checkpoints,
    SyncDigestStore digests,
    QuarantineStore quarantine,
    SourceLocks locks,
    DataProblemStore problems,
    ProblemNotices notices,
    TimeProvider time,
    ILogger<DeltaSyncEngine> logger)
{
    private readonly DataProblemStore _problems = problems;
    private readonly ProblemNotices _notices = notices;
    private readonly ILogger _logger = logger;
    // Named so the per-run state class below can reach them.
    private readonly SyncDigestStore _digests = digests;
    private readonly QuarantineStore _quarantine = quarantine;
    private readonly TimeProvider _time = time;

    /// <summary>The writes of up to this many pages are in flight while the next page is read and mapped.</summary>
    private const int PagesInFlight = 2;

    /// <summary>A link is renewed at least this often, so SharePoint never sees a token old enough to expire.</summary>
    private static readonly TimeSpan TokenRenewal = TimeSpan.FromDays(7);

    /// <param name="warnings">Other features' warnings on the source's valid records.</param>
    public async Task<SyncCounts> RunAsync<TItem, TRecord>(IDeltaSource<TItem, TRecord> source, string runId, CancellationToken ct, IReadOnlyList<IRecordWarnings<TRecord>>? warnings = null)
        where TItem : IFeedItem
    {
        var reference = source.Reference is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"Source {source.Name} is not configured.");

        // One writer per source. The lease is asked for now and awaited before the first write (the
        // digest), so its round trips overlap the checkpoint read and the first Graph page. A
        // second run reads what the first covered too, but finds it all in the digest it committed.
        await using var lease = locks.Begin(source.Name, ct);
        var checkpoint = await checkpoints.GetAsync(source.Name, ct);

        // An id never changes, so once resolved it is taken from the checkpoint: a quiet night
        // costs SharePoint a single delta call.
        var containerId = checkpoint is not null && checkpoint.SourceRef == reference
            ? checkpoint.SourceId
            : await source.Feed.ResolveAsync(reference, ct);
        var startLink = checkpoint is not null && checkpoint.SourceId == containerId ? checkpoint.DeltaLink : null;

        var run = new Run<TItem, TRecord>(this, source, runId, containerId, lease, warnings ?? []);
        var fromScratch = startLink is null;
        string deltaLink;
        try
        {
            try
            {
                deltaLink = await run.ApplyDeltaAsync(startLink, ct);
            }
            catch (DeltaResyncRequiredException ex)
            {
                LogResync(source.Name, source.Feed.Kind, containerId, ex.Message);
                fromScratch = true;
                deltaLink = await run.ApplyDeltaAsync(null, ct);
            }
        }
        catch (FeedLoopException ex)
        {
            // The feed knows its list or case type; the step's error names the source as well.
            throw new FeedLoopException($"{source.Name}: {ex.Message}", ex);
        }

        // Every row and the digest are stored: the lease can go while the link is saved, since a run
        // that starts from the older link finds everything it reads in the digest already.
        var c = run.Counts;
        run.AddProblemCounts();
        var releasing = lease.DisposeAsync().AsTask();

        // A deferred item is not stored, so the new link does not cover it: the old one stands (or
        // none, after a full read), and the next night reads the item again; what was stored is
        // in the digest and comes back unchanged.
        if (c.Deferred == 0 && (fromScratch || NeedsSaving(checkpoint, reference, containerId, deltaLink, c)))
        {
            await checkpoints.SaveAsync(source.Name, new DeltaCheckpoint(reference, containerId, deltaLink), ct);
        }

        await releasing;

        LogDone(source.Name, runId, source.Feed.Kind, containerId, c.Read, c.Created, c.Updated, c.Unchanged, c.Deleted, c.Quarantined, c.Deferred);
        return c;
    }

    /// <summary>
    /// A night that read nothing from a valid link leaves that link standing: it covers exactly what
    /// the new one would, and the quiet night writes nothing; so does one whose feed handed back the
    /// very link it started from (a feed that reads with an overlap rereads its last items). The
    /// link is still renewed weekly.
    /// </summary>
    private bool NeedsSaving(DeltaCheckpoint? previous, string reference, string containerId, string deltaLink, SyncCounts counts) =>
        (counts.Read > 0 && !string.Equals(previous?.DeltaLink, deltaLink, StringComparison.Ordinal))
        || previous is null
        || previous.SourceRef != reference
        || previous.SourceId != containerId
        || previous.SavedAt is not { } saved
        || _time.GetUtcNow() - saved > TokenRenewal;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: {Kind} {ContainerId}: {Reason} Doing a full resync.")]
    private partial void LogResync(string source, string kind, string containerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} {RunId} from {Kind} {ContainerId}: read {Read}, created {Created}, updated {Updated}, unchanged {Unchanged}, deleted {Deleted}, quarantined {Quarantined}, deferred {Deferred}.")]
    private partial void LogDone(string source, string runId, string kind, string containerId, int read, int created, int updated, int unchanged, int deleted, int quarantined, int deferred);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} item {ItemId} quarantined: {Reason}")]
    private partial void LogQuarantined(string source, string itemId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} item {ItemId} left for the next night: {Reason}")]
    private partial void LogDeferred(string source, string itemId, string reason);

    /// <summary>State of one run; a new one per message so nothing leaks between runs.</summary>
    private sealed class Run<TItem, TRecord>(
        DeltaSyncEngine engine, IDeltaSource<TItem, TRecord> source, string runId, string containerId, PendingLease lease, IReadOnlyList<IRecordWarnings<TRecord>> warnings)
        where TItem : IFeedItem
    {
        private readonly IDeltaSourceRun<TItem, TRecord> _mapping = source.StartRun(runId, containerId);

        // What each item's data-problem column should say; null for a source without one. The run's
        // own column (a library's, read with the run's fields) comes before the source's.
        private ProblemWriteBack<TItem>? Problems => _problemsMade ? _problemsMadeValue : MakeProblems();
        private ProblemWriteBack<TItem>? _problemsMadeValue;
        private bool _problemsMade;

        private ProblemWriteBack<TItem>? MakeProblems()
        {
            _problemsMade = true;
            _problemsMadeValue = (_mapping.Problems ?? source.Problems) is { } column
                ? new ProblemWriteBack<TItem>(source.Name, source.Reference, containerId, column, engine._problems, engine._notices, engine._time, engine._logger)
                : null;
            return _problemsMadeValue;
        }

        // The warnings of the page's valid items, by id, until their outcome is known.
        private readonly Dictionary<string, string> _warnings = new(StringComparer.Ordinal);
        private readonly Queue<(Task Write, HashSet<string> Ids)> _inFlight = new();

        // Rejected rows are written a full transaction at a time, not one small one per page, in
        // flight like a page's writes; the rest is flushed before the delta link is saved, so a
        // crash loses none of them.
        private List<QuarantinedItem> _rejected = [];

        // Opened at the first page that holds an item, so a quiet night touches neither it nor the table.
        private SyncDigestSession? _digest;

        // Items that may close a quarantine entry: written valid, deleted, or (on a full read)
        // found unchanged. The source's open entries are read only when there are such items or
        // rejections, so a night that only edits valid items costs no extra read; the candidates
        // that are open are resolved with the last quarantine flush.
        private Task<Dictionary<string, string>>? _openQuarantine;
        private CancellationToken _runToken;
        private readonly HashSet<string> _candidates = new(StringComparer.Ordinal);
        private bool _fullSync;

        public SyncCounts Counts { get; } = new();

        /// <summary>Adds the data-problem tallies and, when the column could not be written, why.</summary>
        public void AddProblemCounts()
        {
            if (Problems is null) return;
            foreach (var (name, value) in Problems.Tallies) Counts.Extra[name] = value;
            if (Problems.Detail is { } detail) Counts.Detail = Counts.Detail is null ? detail : $"{Counts.Detail} {detail}";
        }

        private async Task<SyncDigest> DigestAsync(CancellationToken ct)
        {
            if (_digest is null)
            {
                await lease.HeldAsync();
                _digest = await engine._digests.OpenForWriteAsync(source.Name, source.Table.DigestRowsAsync, ct);
            }

            return _digest.Digest;
        }

        /// <summary>Waits until at most <paramref name="keep"/> pages of writes are still in flight.</summary>
        private async Task WaitForWritesAsync(int keep)
        {
            while (_inFlight.Count > keep) await _inFlight.Dequeue().Write;
        }

        private async Task FlushQuarantineAsync(CancellationToken ct)
        {
            if (_rejected.Count == 0 && _candidates.Count == 0) return;
            var open = await OpenQuarantineAsync(ct);
            await engine._quarantine.AddAsync(_rejected, runId, open, ct);
            _rejected.Clear();
            await engine._quarantine.ResolveAsync(source.Name, _candidates.Where(open.ContainsKey).ToList(), runId, ct);
            _candidates.Clear();
        }

        /// <summary>Started as soon as a night first needs it, so the query runs beside the page's writes.</summary>
        private Task<Dictionary<string, string>> OpenQuarantineAsync(CancellationToken ct) =>
            _openQuarantine ??= engine._quarantine.OpenIdsAsync(source.Name, ct);

        /// <summary>The item's latest version is valid or deleted: an open entry of it is resolved.</summary>
        private void Taken(string id)
        {
            _candidates.Add(id);
            _ = OpenQuarantineAsync(_runToken);
        }

        /// <summary>
        /// Whether the item can have an open entry, from the digest alone: it has no row (it may
        /// have been refused since it appeared) or its row is marked as in quarantine. An edit of a
        /// valid item cannot close an entry, so it costs no read of the Quarantine table.
        /// </summary>
        private static bool MayBeQuarantined(SyncDigest digest, string id, DigestMatch match) =>
            match == DigestMatch.Absent
            || digest.Match(id, SourceTable.QuarantinedHash) is DigestMatch.Same or DigestMatch.Absent;

        public async Task<string> ApplyDeltaAsync(string? startLink, CancellationToken ct)
        {
            // Without a delta link every item comes back; ids are remembered so that items no
            // longer in the source can be tombstoned.
            var fullSync = startLink is null;
            _fullSync = fullSync;
            _runToken = ct;
            var seen = fullSync ? new HashSet<string>(StringComparer.Ordinal) : null;

            // Reading the feed and storing it overlap: a bounded channel lets the next page arrive
            // while this one is written, and never holds more than two.
            var pages = Channel.CreateBounded<FeedPage<TItem>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reader = ReadFeedAsync(pages.Writer, startLink, stop);
            var deltaLink = await StorePagesAsync(pages.Reader, seen, reader, stop, ct);

            // Surfaces the reader's own failure (410, throttling given up, …) after the pages it did
            // deliver are stored; a failed run saves no delta link.
            await WaitForWritesAsync(0);
            await reader;

            await FlushQuarantineAsync(ct);
            if (deltaLink is null)
            {
                throw new InvalidOperationException($"The delta feed of {source.Feed.Kind} {containerId} ended without a delta link; nothing was checkpointed.");
            }

            if (fullSync)
            {
                await TombstoneUnseenAsync(seen!, ct);
                if (Problems is not null) await Problems.FlushAsync(ct);
            }

            // Every row the digest describes is stored: it may be saved, before the delta link is.
            if (_digest is not null) await _digest.CommitAsync(ct);
            return deltaLink;
        }

        private Task ReadFeedAsync(ChannelWriter<FeedPage<TItem>> pages, string? startLink, CancellationTokenSource stop) =>
            Task.Run(async () =>
            {
                try
                {
                    await foreach (var page in source.Feed.ReadAsync(containerId, startLink, stop.Token))
                    {
                        await pages.WriteAsync(page, stop.Token);
                    }
                }
                finally
                {
                    pages.Complete();
                }
            }, stop.Token);

        /// <returns>The last delta link the feed handed over; null when it ended without one.</returns>
        private async Task<string?> StorePagesAsync(ChannelReader<FeedPage<TItem>> pages, HashSet<string>? seen, Task reader, CancellationTokenSource stop, CancellationToken ct)
        {
            string? deltaLink = null;
            try
            {
                Problems?.Begin(ct);
                await _mapping.BeginFeedAsync(_fullSync, ct);
                await foreach (var page in pages.ReadAllAsync(ct))
                {
                    await ApplyPageAsync(page.Items, seen, ct);
                    deltaLink = page.DeltaLink ?? deltaLink;
                }
            }
            catch
            {
                // Storing failed: stop the reader and report the storing error, not its cancellation.
                await stop.CancelAsync();
                await Task.WhenAny(reader);
                await Task.WhenAny(Task.WhenAll(_inFlight.Select(w => w.Write)));
                _inFlight.Clear();
                throw;
            }

            return deltaLink;
        }

        private async Task ApplyPageAsync(IReadOnlyList<TItem> page, HashSet<string>? seen, CancellationToken ct)
        {
            // A delta feed can repeat an item; within a page the last occurrence wins.
            var latest = new Dictionary<string, TItem>(StringComparer.Ordinal);
            foreach (var item in page)
            {
                latest[item.Id] = item;
            }

            // A repeat of an item whose write is still in flight must see that write.
            if (_inFlight.Any(w => w.Ids.Overlaps(latest.Keys))) await WaitForWritesAsync(0);

            await _mapping.BeforePageAsync(latest.Values.Where(i => !i.Deleted && i.Unreadable is null).ToList(), ct);

            if (latest.Count == 0) return;
            var digest = await DigestAsync(ct);
            var now = engine._time.GetUtcNow();

            var actions = new List<TableTransactionAction>();
            var mapped = await MapAsync(latest, seen, digest, actions, now, ct);
            var changed = await DropUnchangedAsync(mapped, latest, digest, ct);
            await WriteChangedAsync(changed, latest, digest, actions, now, ct);
            await PutInFlightAsync(actions, latest.Keys, ct);
            _warnings.Clear();
            if (Problems is not null) await Problems.FlushAsync(ct);
        }

        private async Task<List<TRecord>> MapAsync(Dictionary<string, TItem> latest, HashSet<string>? seen, SyncDigest digest, List<TableTransactionAction> actions, DateTimeOffset now, CancellationToken ct)
        {
            var mapped = new List<TRecord>(latest.Count);
            foreach (var (id, item) in latest)
            {
                Counts.Read++;
                seen?.Add(id);

                if (item.Deleted)
                {
                    // Always written: a digest that missed the row must not keep it live.
                    Counts.Deleted++;
                    Problems?.Deleted(id);
                    if (MayBeQuarantined(digest, id, DigestMatch.Different)) Taken(id);
                    actions.Add(Tombstone(digest, id, now));
                    continue;
                }

                var result = item.Unreadable is { } unreadable
                    ? SourceMapping.Rejected<TRecord>(unreadable)
                    : await _mapping.MapAsync(item, ct);
                if (result.Record is not { } record)
                {
                    Reject(digest, item, result, actions, now);
                    continue;
                }

                _warnings[id] = await WarningsAsync(record, result, ct);
                mapped.Add(record);
            }

            return mapped;
        }

        private async Task<List<ChangedRecord<TRecord>>> DropUnchangedAsync(List<TRecord> mapped, Dictionary<string, TItem> latest, SyncDigest digest, CancellationToken ct)
        {
            var changed = new List<ChangedRecord<TRecord>>();
            foreach (var record in await _mapping.AfterMapAsync(mapped, ct))
            {
                var hash = _mapping.HashOf(record);
                var match = digest.Match(_mapping.IdOf(record), hash);
                if (match == DigestMatch.Same)
                {
                    Counts.Unchanged++;
                    Observe(latest, _mapping.IdOf(record), mayHaveRow: _fullSync);

                    // Only a full read looks at unchanged items: it closes entries left open before
                    // entries were resolved, or by a run that stopped before its flush.
                    if (_fullSync) Taken(_mapping.IdOf(record));
                }
                else changed.Add(new ChangedRecord<TRecord>(record, hash, match));
            }

            return changed;
        }

        private async Task WriteChangedAsync(List<ChangedRecord<TRecord>> changed, Dictionary<string, TItem> latest, SyncDigest digest, List<TableTransactionAction> actions, DateTimeOffset now, CancellationToken ct)
        {
            var outcomes = changed.Count == 0 ? [] : await _mapping.ChangedAsync(changed, ct);
            for (var i = 0; i < changed.Count; i++)
            {
                var (original, hash, match) = changed[i];
                var id = _mapping.IdOf(original);
                if (outcomes[i].Deferred)
                {
                    // Neither written nor in the digest: the next night finds it changed again.
                    Counts.Deferred++;
                    engine.LogDeferred(source.Name, id, Privacy.PersonalData.RedactQuoted(outcomes[i].Reason!));
                    continue;
                }

                if (outcomes[i].Record is not { } record)
                {
                    Reject(digest, latest[id], outcomes[i], actions, now);
                    continue;
                }

                Observe(latest, id, MayBeQuarantined(digest, id, match), outcomes[i].Warnings);
                if (match == DigestMatch.Absent) Counts.Created++;
                else Counts.Updated++;
                if (MayBeQuarantined(digest, id, match)) Taken(id);
                actions.Add(_mapping.Write(record, hash, match, now));
                digest.Stored(id, hash);
            }
        }

        private async Task PutInFlightAsync(List<TableTransactionAction> actions, IEnumerable<string> ids, CancellationToken ct)
        {
            await WaitForWritesAsync(PagesInFlight - 1);
            _inFlight.Enqueue((source.Table.SubmitAsync(actions, ct), ids.ToHashSet(StringComparer.Ordinal)));
            if (_rejected.Count >= TableBatch.MaxActions)
            {
                // Keyed by its ids like a page, so a repeat of one of them waits for this write
                // and the last reason wins.
                await WaitForWritesAsync(PagesInFlight - 1);
                var open = await OpenQuarantineAsync(ct);
                _inFlight.Enqueue((engine._quarantine.AddAsync(_rejected, runId, open, ct), _rejected.Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal)));
                _rejected = [];
            }
        }

        /// <summary>
        /// An item that cannot be taken in goes to quarantine; a row holding its last good version
        /// is marked, once, so nothing acts on it as current.
        /// </summary>
        private void Reject(SyncDigest digest, TItem item, SourceMapping<TRecord> outcome, List<TableTransactionAction> actions, DateTimeOffset now)
        {
            var reason = outcome.Reason!;
            Counts.Quarantined++;
            Problems?.Observe(item, outcome.ProblemText, isError: true, tellOwner: outcome.TellOwner);
            _candidates.Remove(item.Id);
            _ = OpenQuarantineAsync(_runToken);
            // The reason may quote a column's value, which may be anything, a name included: the
            // log gets it without the value, the Quarantine table with it.
            engine.LogQuarantined(source.Name, item.Id, Privacy.PersonalData.RedactQuoted(reason));
            _rejected.Add(new QuarantinedItem(source.Name, item.Id, reason, item.ToJson(), Problems?.Describe(item)));
            if (digest.Match(item.Id, SourceTable.QuarantinedHash) == DigestMatch.Different)
            {
                actions.Add(source.Table.QuarantineMark(item.Id, reason, now));
                digest.Stored(item.Id, SourceTable.QuarantinedHash);
            }
        }

        /// <summary>The record's warnings: the mapping's own, then those of the features that look at the source's records.</summary>
        private async Task<string> WarningsAsync(TRecord record, SourceMapping<TRecord> result, CancellationToken ct)
        {
            if (warnings.Count == 0) return result.ProblemText;
            var added = new List<ItemProblem>();
            foreach (var check in warnings) added.AddRange(await check.CheckAsync(record, ct));
            return added.Count == 0 ? result.ProblemText : ItemProblem.Join([.. result.Warnings ?? [], .. added]);
        }

        /// <summary>A valid item's column says its warnings: the mapping's, and any its change added.</summary>
        private void Observe(Dictionary<string, TItem> latest, string id, bool mayHaveRow, IReadOnlyList<ItemProblem>? more = null)
        {
            if (Problems is null || !latest.TryGetValue(id, out var item)) return;
            var text = _warnings.GetValueOrDefault(id) ?? "";
            if (more is { Count: > 0 }) text = string.Join(" ", new[] { text, ItemProblem.Join(more) }.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
            Problems.Observe(item, text, isError: false, mayHaveRow);
        }

        private async Task TombstoneUnseenAsync(HashSet<string> seen, CancellationToken ct)
        {
            var digest = await DigestAsync(ct);
            var now = engine._time.GetUtcNow();
            var gone = digest.LiveIds.Where(id => !seen.Contains(id)).ToList();

            // An item missing from a full listing was deleted while the token was stale: it
            // counts as read (as a deletion) so the summary still reconciles.
            Counts.Read += gone.Count;
            Counts.Deleted += gone.Count;
            foreach (var id in gone) Problems?.Deleted(id);
            await source.Table.SubmitAsync(gone.Select(id => Tombstone(digest, id, now)).ToList(), ct);

            // An item in quarantine that the full listing no longer has is gone: its entry is history.
            var open = await OpenQuarantineAsync(ct);
            await engine._quarantine.ResolveAsync(source.Name, open.Keys.Where(id => !seen.Contains(id)).ToList(), runId, ct);
        }

        private TableTransactionAction Tombstone(SyncDigest digest, string id, DateTimeOffset now)
        {
            digest.Deleted(id);
            return new TableTransactionAction(TableTransactionActionType.UpsertMerge, _mapping.Tombstone(id, now));
        }
    }
}
