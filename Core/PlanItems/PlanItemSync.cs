using Azure;
using Azure.Data.Tables;
using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

/// <summary>
/// Brings the action-plan list from SharePoint into the PlanItems table through list-item delta.
/// The next page is fetched while the current one is stored, at most two pages are held, and
/// the delta link is saved only at the end, after everything it covers is stored. Changed items
/// are compared with the source's <see cref="SyncDigest"/>, not with their rows, so a night reads
/// no rows at all: a new item is added, an edited one merged over its row (which keeps the scan's
/// own columns), and one whose synced columns did not change is not written.
/// </summary>
public sealed partial class PlanItemSync(
    SharePointLists lists,
    PlanItemStore store,
    DeltaCheckpointStore checkpoints,
    SyncDigestStore digests,
    QuarantineStore quarantine,
    IntegrationStorage storage,
    OverdueFlagWriter flags,
    IOptions<SharePointOptions> sharePoint,
    IOptions<OverdueOptions> overdue,
    TimeProvider time,
    ILogger<PlanItemSync> logger) : ISourceSync
{
    // Named fields so the per-run state class below can reach them.
    private readonly SharePointLists _lists = lists;
    private readonly PlanItemStore _store = store;
    private readonly SyncDigestStore _digests = digests;
    private readonly QuarantineStore _quarantine = quarantine;
    private readonly IntegrationStorage _storage = storage;
    private readonly SharePointOptions _sharePoint = sharePoint.Value;
    private readonly OverdueFlagWriter _flags = flags;
    private readonly OverdueRule _rule = new(TimeZoneInfo.FindSystemTimeZoneById(overdue.Value.TimeZone), overdue.Value.DueSoonDays);
    private readonly TimeProvider _time = time;

    public string Source => SyncSources.PlanItems;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_sharePoint.Lists.PlanItems);

    public async Task<SyncCounts> RunAsync(string runId, CancellationToken ct)
    {
        var listRef = _sharePoint.Lists.PlanItems!;
        var checkpoint = await checkpoints.GetAsync(Source, ct);

        // A list id never changes, so once resolved it is taken from the checkpoint: a quiet night
        // costs SharePoint a single delta call.
        var listId = checkpoint is not null && checkpoint.ListRef == listRef
            ? checkpoint.ListId
            : await _lists.ResolveListIdAsync(listRef, ct);
        var startLink = checkpoint is not null && checkpoint.ListId == listId ? checkpoint.DeltaLink : null;

        var run = new Run(this, runId, listId);
        var fromScratch = startLink is null;
        string deltaLink;
        try
        {
            deltaLink = await run.ApplyDeltaAsync(startLink, ct);
        }
        catch (DeltaResyncRequiredException ex)
        {
            LogResync(listId, ex.Message);
            fromScratch = true;
            deltaLink = await run.ApplyDeltaAsync(null, ct);
        }

        var c = run.Counts;
        if (fromScratch || NeedsSaving(checkpoint, listRef, listId, c))
        {
            await checkpoints.SaveAsync(Source, new DeltaCheckpoint(listRef, listId, deltaLink), ct);
        }

        LogDone(runId, listId, c.Read, c.Created, c.Updated, c.Unchanged, c.Deleted, c.Quarantined);
        return c;
    }

    /// <summary>
    /// A night that read nothing from a valid link leaves that link standing: it covers exactly what
    /// the new one would, and the quiet night writes nothing. The link is still renewed weekly so
    /// that SharePoint never sees a token old enough to expire.
    /// </summary>
    private bool NeedsSaving(DeltaCheckpoint? previous, string listRef, string listId, SyncCounts counts) =>
        counts.Read > 0
        || previous is null
        || previous.ListRef != listRef
        || previous.ListId != listId
        || previous.SavedAt is not { } saved
        || _time.GetUtcNow() - saved > TokenRenewal;

    private static readonly TimeSpan TokenRenewal = TimeSpan.FromDays(7);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan-item list {ListId}: {Reason} Doing a full resync.")]
    private partial void LogResync(string listId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan items {RunId} from list {ListId}: read {Read}, created {Created}, updated {Updated}, unchanged {Unchanged}, deleted {Deleted}, quarantined {Quarantined}.")]
    private partial void LogDone(string runId, string listId, int read, int created, int updated, int unchanged, int deleted, int quarantined);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear the overdue flag of plan item {ItemId}; the overdue scan will: {Error}")]
    private partial void LogClearFailed(string itemId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan item {ItemId} quarantined: {Reason}")]
    private partial void LogQuarantined(string itemId, string reason);

    /// <summary>State of one run; a new one per message so nothing leaks between runs.</summary>
    private sealed class Run(PlanItemSync sync, string runId, string listId)
    {
        private readonly SiteUserCache _users = new(sync._lists, sync._storage, sync._time);
        private readonly PlanItemMapper _mapper = new(
            new ColumnNames(sync._sharePoint, PlanItemColumns.List),
            new PlanItemStatusMap(sync._sharePoint.PlanItemStatuses),
            sync._rule.TimeZone);
        private readonly DateOnly _today = sync._rule.Today(sync._time.GetUtcNow());

        // The writes of up to two pages are in flight while the next page is mapped and read, so
        // the store is kept as busy as one large batch would keep it.
        private const int PagesInFlight = 2;
        private readonly Queue<(Task Write, HashSet<string> Ids)> _inFlight = new();

        // Rejected rows are written a full transaction at a time, not one small one per page, in
        // flight like a page's writes; the rest is flushed before the delta link is saved, so a
        // crash loses none of them.
        private List<QuarantinedItem> _rejected = [];

        // Opened at the first page that holds an item, so a quiet night touches neither it nor the table.
        private SyncDigestSession? _digest;

        public SyncCounts Counts { get; } = new();

        private async Task<SyncDigest> DigestAsync(CancellationToken ct)
        {
            _digest ??= await sync._digests.OpenForWriteAsync(sync.Source, sync._store.DigestRowsAsync, ct);
            return _digest.Digest;
        }

        /// <summary>Waits until at most <paramref name="keep"/> pages of writes are still in flight.</summary>
        private async Task WaitForWritesAsync(int keep)
        {
            while (_inFlight.Count > keep) await _inFlight.Dequeue().Write;
        }

        private async Task FlushQuarantineAsync(CancellationToken ct)
        {
            await sync._quarantine.AddAsync(_rejected, runId, ct);
            _rejected.Clear();
        }

        public async Task<string> ApplyDeltaAsync(string? startLink, CancellationToken ct)
        {
            // Without a delta link every item comes back; ids are remembered so that items no
            // longer in the list can be tombstoned.
            var fullSync = startLink is null;
            var seen = fullSync ? new HashSet<string>(StringComparer.Ordinal) : null;

            // Reading the feed and storing it overlap: a bounded channel lets the next page arrive
            // while this one is written, and never holds more than two.
            var pages = System.Threading.Channels.Channel.CreateBounded<DeltaPage>(new System.Threading.Channels.BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reader = Task.Run(async () =>
            {
                try
                {
                    await foreach (var page in sync._lists.ReadDeltaAsync(listId, startLink, _mapper.Columns, stop.Token))
                    {
                        await pages.Writer.WriteAsync(page, stop.Token);
                    }
                }
                finally
                {
                    pages.Writer.Complete();
                }
            }, stop.Token);

            string? deltaLink = null;
            try
            {
                // The owners are loaded while the first page is on its way.
                if (fullSync) await _users.LoadAllAsync(ct);
                else await _users.LoadKnownAsync(ct);

                await foreach (var page in pages.Reader.ReadAllAsync(ct))
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

            // Surfaces the reader's own failure (410, throttling given up, …) after the pages it did
            // deliver are stored; a failed run saves no delta link.
            await WaitForWritesAsync(0);
            await reader;

            await FlushQuarantineAsync(ct);
            if (deltaLink is null)
            {
                throw new InvalidOperationException($"The delta feed of list {listId} ended without a delta link; nothing was checkpointed.");
            }

            if (fullSync)
            {
                await TombstoneUnseenAsync(seen!, ct);
            }

            // Every row the digest describes is stored: it may be saved, before the delta link is.
            if (_digest is not null) await _digest.CommitAsync(ct);
            return deltaLink;
        }

        private async Task ApplyPageAsync(IReadOnlyList<SharePointItem> page, HashSet<string>? seen, CancellationToken ct)
        {
            // A delta feed can repeat an item; within a page the last occurrence wins.
            var latest = new Dictionary<string, SharePointItem>(StringComparer.Ordinal);
            foreach (var item in page)
            {
                latest[item.Id] = item;
            }

            // A repeat of an item whose write is still in flight must see that write.
            if (_inFlight.Any(w => w.Ids.Overlaps(latest.Keys))) await WaitForWritesAsync(0);

            await _users.PrefetchAsync(latest.Values.Where(i => !i.Deleted).Select(_mapper.OwnerLookupId).OfType<string>(), ct);

            if (latest.Count == 0) return;
            var digest = await DigestAsync(ct);
            var now = sync._time.GetUtcNow();

            var actions = new List<TableTransactionAction>();
            var mapped = new List<PlanItem>(latest.Count);
            foreach (var (id, item) in latest)
            {
                Counts.Read++;
                seen?.Add(id);

                if (item.Deleted)
                {
                    Counts.Deleted++;
                    if (digest.IsLive(id)) actions.Add(Tombstone(digest, id, now));
                    continue;
                }

                var ownerId = _mapper.OwnerLookupId(item);
                var owner = ownerId is null ? null : await _users.GetAsync(ownerId, ct);
                var result = _mapper.Map(item, owner);
                if (result.Item is not { } planItem)
                {
                    Counts.Quarantined++;
                    sync.LogQuarantined(id, result.Reason!);
                    _rejected.Add(new QuarantinedItem(sync.Source, id, result.Reason!, item.ToJson()));
                    continue;
                }

                mapped.Add(planItem);
            }

            var cleared = await ClearFlagsAsync(mapped, ct);
            foreach (var original in mapped)
            {
                var id = original.Id;
                var planItem = cleared.Contains(id) ? original with { SharePointFlag = "" } : original;
                var hash = PlanItemEntity.Hash(planItem);
                switch (digest.Match(id, hash))
                {
                    case DigestMatch.Same:
                        Counts.Unchanged++;
                        continue;
                    case DigestMatch.Absent:
                        Counts.Created++;
                        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, PlanItemEntity.From(planItem, hash)));
                        break;
                    case DigestMatch.Deleted:
                        // Back from the recycle bin: a fresh row, nothing kept from the tombstone.
                        Counts.Updated++;
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, PlanItemEntity.From(planItem, hash), ETag.All));
                        break;
                    default:
                        Counts.Updated++;
                        var columns = PlanItemEntity.SyncedColumns(planItem, hash);
                        if (cleared.Contains(id))
                        {
                            columns[nameof(PlanItemEntity.Flag)] = "";
                            columns[nameof(PlanItemEntity.FlagChangedAt)] = now;
                        }

                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, columns, ETag.All));
                        break;
                }

                digest.Stored(id, hash);
            }

            await WaitForWritesAsync(PagesInFlight - 1);
            _inFlight.Enqueue((sync._store.SubmitAsync(actions, ct), latest.Keys.ToHashSet(StringComparer.Ordinal)));
            if (_rejected.Count >= TableBatch.MaxActions)
            {
                // Keyed by its ids like a page, so a repeat of one of them waits for this write
                // and the last reason wins.
                await WaitForWritesAsync(PagesInFlight - 1);
                _inFlight.Enqueue((sync._quarantine.AddAsync(_rejected, runId, ct), _rejected.Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal)));
                _rejected = [];
            }
        }

        /// <summary>
        /// An item that closed or moved past the horizon loses its SharePoint flag here, while the
        /// change is in hand, so the scan never reads an item only to clear its flag. The writes go
        /// a few at a time. Returns the ids cleared; one SharePoint would not take is left to the
        /// scan (as is a flag the table holds but SharePoint does not), whose filter finds it.
        /// </summary>
        private async Task<HashSet<string>> ClearFlagsAsync(List<PlanItem> items, CancellationToken ct)
        {
            var flagged = items.Where(i => i.SharePointFlag.Length > 0 && sync._rule.Evaluate(i.DueDate, i.Status, _today) == OverdueState.None).ToList();
            var cleared = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(flagged, new ParallelOptions { MaxDegreeOfParallelism = FlagWriteParallelism, CancellationToken = ct }, async (item, token) =>
            {
                var (outcome, error) = await sync._flags.WriteAsync(listId, item.Id, OverdueState.None, token);
                if (outcome == FlagWrite.Failed) sync.LogClearFailed(item.Id, error!);
                else cleared[item.Id] = true;
            });
            return cleared.Keys.ToHashSet(StringComparer.Ordinal);
        }

        private const int FlagWriteParallelism = 4;

        private async Task TombstoneUnseenAsync(HashSet<string> seen, CancellationToken ct)
        {
            var digest = await DigestAsync(ct);
            var now = sync._time.GetUtcNow();
            var gone = digest.LiveIds.Where(id => !seen.Contains(id)).ToList();

            // An item missing from a full listing was deleted while the token was stale: it
            // counts as read (as a deletion) so the summary still reconciles.
            Counts.Read += gone.Count;
            Counts.Deleted += gone.Count;
            await sync._store.SubmitAsync(gone.Select(id => Tombstone(digest, id, now)).ToList(), ct);
        }

        private static TableTransactionAction Tombstone(SyncDigest digest, string id, DateTimeOffset now)
        {
            digest.Deleted(id);
            return new TableTransactionAction(TableTransactionActionType.UpdateMerge, PlanItemEntity.Tombstone(id, now), ETag.All);
        }
    }
}
