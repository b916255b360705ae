using Azure;
using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

/// <summary>
/// The action-plan list as a source on the <see cref="DeltaSyncEngine"/>: owners come from the
/// site's User Information List, and an item that closed or moved past the horizon loses its
/// SharePoint flag while the change is in hand. An edited row is merged, so the scan's own
/// columns (Flag, FlagChangedAt, NotifiedEvent) stay as the scan wrote them.
/// </summary>
public sealed partial class PlanItemSource(
    SharePointLists lists,
    PlanItemStore store,
    IntegrationStorage storage,
    OverdueFlagWriter flags,
    IOptions<SharePointOptions> sharePoint,
    IOptions<OverdueOptions> overdue,
    IOptions<PlanItemStatusOptions> statuses,
    NetworkCalendar calendar,
    TimeProvider time,
    ILogger<PlanItemSource> logger) : IDeltaSource<SharePointItem, PlanItem>
{
    // Named so the per-run state class below can reach them.
    private readonly SharePointLists _lists = lists;
    private readonly IntegrationStorage _storage = storage;
    private readonly OverdueFlagWriter _flags = flags;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    private readonly OverdueRule _rule = new(calendar.TimeZone, overdue.Value.DueSoonDays);
    private readonly ColumnNames _columns = new(sharePoint.Value, PlanItemColumns.List);

    public string Name => PlanItemsModule.Source;

    public string? Reference => sharePoint.Value.List(PlanItemsModule.Source);

    public IDeltaFeed<SharePointItem> Feed => field ??= new ListItemDeltaFeed(_lists, NewMapper().Columns);

    public IProblemColumn<SharePointItem> Problems => field ??= new ListProblemColumn<SharePointItem>(
        _lists, _columns, item => item, _columns[PlanItemColumns.Title], "Aktivitet", OwnerOf);

    /// <summary>Whom a problem on the item is told to personally: its owner, when the column names a site user.</summary>
    private string? OwnerOf(SharePointItem item) => (_ownerMapper ??= NewMapper()).OwnerLookupId(item) is { } id && PlanItemMapper.IsUserId(id) ? id : null;

    private PlanItemMapper? _ownerMapper;

    public SourceTable Table => store;

    public IDeltaSourceRun<SharePointItem, PlanItem> StartRun(string runId, string containerId) => new Run(this, containerId);

    private PlanItemMapper NewMapper() =>
        new(_columns, new PlanItemStatusMap(statuses.Value), _rule.TimeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear the overdue flag of plan item {ItemId}; the overdue scan will: {Error}")]
    private partial void LogClearFailed(string itemId, string error);

    private sealed class Run(PlanItemSource source, string listId) : IDeltaSourceRun<SharePointItem, PlanItem>
    {
        private readonly SiteUserCache _users = new(source._lists, source._storage, source._time);
        private readonly PlanItemMapper _mapper = source.NewMapper();
        private readonly DateOnly _today = source._rule.Today(source._time.GetUtcNow());

        // Ids whose flag this page cleared in SharePoint; their merge also clears the table's flag.
        private HashSet<string> _cleared = [];

        // A column misnamed in the settings fails the run before anything is stored. OverdueFlag
        // is checked like the columns read, and must be writable as well: the scan writes it, and
        // SharePoint refuses a write to a column the list does not have.
        private ColumnCheck Columns => field ??= new(source._lists, listId, source.Reference ?? listId, _mapper.Mapping, source._logger);

        // The owners are loaded while the first page is on its way: all of them on a full sync,
        // where most of the site's owners turn up; otherwise those seen in the last week. A full
        // sync checks the columns meanwhile; a mismatch is the error reported, not what followed from it.
        public async Task BeginFeedAsync(bool fullSync, CancellationToken ct)
        {
            var columns = Columns.BeginFeedAsync(fullSync, ct);
            var users = fullSync ? _users.LoadAllAsync(ct) : _users.LoadKnownAsync(ct);
            try
            {
                await Task.WhenAll(columns, users);
            }
            catch when (columns.IsFaulted)
            {
                await columns;
            }
        }

        public async Task BeforePageAsync(IReadOnlyCollection<SharePointItem> live, CancellationToken ct)
        {
            await Columns.BeforePageAsync(live, ct);
            await _users.PrefetchAsync(live.Select(_mapper.OwnerLookupId).OfType<string>().Where(PlanItemMapper.IsUserId), ct);
        }

        public async ValueTask<SourceMapping<PlanItem>> MapAsync(SharePointItem item, CancellationToken ct)
        {
            var ownerId = _mapper.OwnerLookupId(item);
            var owner = ownerId is not null && PlanItemMapper.IsUserId(ownerId) ? await _users.GetAsync(ownerId, ct) : null;
            return _mapper.Map(item, owner);
        }

        /// <summary>
        /// An item that closed or moved past the horizon loses its SharePoint flag here, while the
        /// change is in hand, so the scan never reads an item only to clear its flag. The writes go
        /// together in JSON batches. One SharePoint would not take is left to the scan (as is a flag the
        /// table holds but SharePoint does not), whose filter finds it.
        /// </summary>
        public async Task<IReadOnlyList<PlanItem>> AfterMapAsync(IReadOnlyList<PlanItem> mapped, CancellationToken ct)
        {
            var flagged = mapped.Where(i => i.SharePointFlag.Length > 0 && source._rule.Evaluate(i.DueDate, i.Status, _today) == OverdueState.None).ToList();
            var written = flagged.Count == 0 ? new Dictionary<string, (FlagWrite, string?)>() : await source._flags.WriteAsync(listId, [.. flagged.Select(i => (i.Id, OverdueState.None))], ct);
            var cleared = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (id, (outcome, error)) in written)
            {
                if (outcome == FlagWrite.Failed) source.LogClearFailed(id, error!);
                else cleared[id] = true;
            }

            _cleared = cleared.Keys.ToHashSet(StringComparer.Ordinal);
            return _cleared.Count == 0 ? mapped : mapped.Select(i => _cleared.Contains(i.Id) ? i with { SharePointFlag = "" } : i).ToList();
        }

        public string IdOf(PlanItem record) => record.Id;

        public string HashOf(PlanItem record) => PlanItemEntity.Hash(record);

        public TableTransactionAction Write(PlanItem record, string hash, DigestMatch match, DateTimeOffset now)
        {
            switch (match)
            {
                case DigestMatch.Absent:
                    return new TableTransactionAction(TableTransactionActionType.Add, PlanItemEntity.From(record, hash));
                case DigestMatch.Deleted:
                    // Back from the recycle bin: a fresh row, nothing kept from the tombstone.
                    return new TableTransactionAction(TableTransactionActionType.UpdateReplace, PlanItemEntity.From(record, hash), ETag.All);
                default:
                    var columns = PlanItemEntity.SyncedColumns(record, hash);
                    if (_cleared.Contains(record.Id))
                    {
                        columns[nameof(PlanItemEntity.Flag)] = "";
                        columns[nameof(PlanItemEntity.FlagChangedAt)] = now;
                    }

                    return new TableTransactionAction(TableTransactionActionType.UpdateMerge, columns, ETag.All);
            }
        }

        public TableEntity Tombstone(string id, DateTimeOffset now) => PlanItemEntity.Tombstone(id, now);
    }
}
