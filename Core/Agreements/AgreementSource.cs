using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Agreements;

/// <summary>
/// The agreements list (<c>SharePoint__Lists__Agreements</c>) as a source on the
/// <see cref="DeltaSyncEngine"/>, into the Agreements table. An agreement is taken in only when its
/// enterprise is in the register (stored, not deleted, not in quarantine); one refused for that alone
/// is remembered as waiting, and the <see cref="AgreementFeed"/> brings it back once the enterprise is.
/// </summary>
public sealed class AgreementSource(
    SharePointLists lists,
    AgreementStore store,
    EnterpriseStore enterprises,
    IntegrationStorage storage,
    IOptions<SharePointOptions> sharePoint,
    IOptions<AgreementsOptions> options,
    IOptions<AgreementTypeOptions> types,
    NetworkCalendar calendar,
    ILogger<AgreementSource> logger) : IDeltaSource<MaskedListItem, Agreement>
{
    private AgreementMapper Mapper => field ??= new(
        new ColumnNames(sharePoint.Value, AgreementColumns.List),
        new AgreementTypeMap(types.Value),
        options.Value.MaxYearlyValue,
        calendar.TimeZone);

    public string Name => AgreementsModule.Source;

    public string? Reference => sharePoint.Value.List(AgreementsModule.Source);

    public IDeltaFeed<MaskedListItem> Feed => field ??= new AgreementFeed(lists, store, NewLookup, Mapper.Fields);

    public SourceTable Table => store;

    public IProblemColumn<MaskedListItem> Problems => field ??= new ListProblemColumn<MaskedListItem>(lists, Mapper.Columns, item => item.Item, "Title", "Avtal");

    private EnterpriseLookup NewLookup() => new(enterprises, storage);

    public IDeltaSourceRun<MaskedListItem, Agreement> StartRun(string runId, string containerId) =>
        new Run(Mapper, store, NewLookup(), new ColumnCheck(lists, containerId, Reference ?? containerId, Mapper.Mapping, logger));

    private sealed class Run(AgreementMapper mapper, AgreementStore store, EnterpriseLookup enterprises, ColumnCheck columns) : IDeltaSourceRun<MaskedListItem, Agreement>
    {
        private Dictionary<string, string>? _waiting;
        private readonly Dictionary<string, string?> _changes = new(StringComparer.Ordinal);

        public Task BeginFeedAsync(bool fullSync, CancellationToken ct) => columns.BeginFeedAsync(fullSync, ct);

        public async Task BeforePageAsync(IReadOnlyCollection<MaskedListItem> live, CancellationToken ct)
        {
            var items = live.Select(i => i.Item).ToList();
            await columns.BeforePageAsync(items, ct);
            if (items.Count == 0) return;
            _waiting ??= await store.LoadWaitingAsync(ct);
            // The page's enterprises are read side by side, each once a run.
            await Task.WhenAll(items.Select(mapper.EnterpriseLookupId).OfType<string>().Distinct().Select(id => enterprises.StateAsync(id, ct)));
        }

        public async ValueTask<SourceMapping<Agreement>> MapAsync(MaskedListItem item, CancellationToken ct)
        {
            var mapped = mapper.Map(item.Item);
            string? waitsFor = null;
            if (mapped.Record is { } agreement)
            {
                var state = await enterprises.StateAsync(agreement.EnterpriseId, ct);
                (string, string)? why = state switch
                {
                    EnterpriseState.InQuarantine => ("is in quarantine", $"har ett fel som måste rättas först; se kolumnen {DataProblemColumn.DisplayName} i företagslistan"),
                    EnterpriseState.Deleted => ("has been deleted from the enterprise list", "är borttaget ur företagslistan. Välj ett annat företag eller ta bort avtalet"),
                    EnterpriseState.Unknown => ("is not in the register", "finns inte i registret än"),
                    _ => null,
                };
                if (why is { } reason)
                {
                    waitsFor = agreement.EnterpriseId;
                    mapped = SourceMapping.Rejected<Agreement>(AgreementTexts.EnterpriseNotTaken(agreement.EnterpriseId, reason.Item1, reason.Item2));
                }
            }

            // Only what differs from the stored waiting list is written.
            var before = _waiting!.GetValueOrDefault(item.Id);
            if (before != waitsFor) _changes[item.Id] = waitsFor;
            else _changes.Remove(item.Id);
            return mapped;
        }

        public async Task<IReadOnlyList<Agreement>> AfterMapAsync(IReadOnlyList<Agreement> mapped, CancellationToken ct)
        {
            if (_changes.Count > 0)
            {
                await store.SaveWaitingAsync(_changes, ct);
                foreach (var (id, enterprise) in _changes)
                {
                    if (enterprise is null) _waiting!.Remove(id);
                    else _waiting![id] = enterprise;
                }

                _changes.Clear();
            }

            return mapped;
        }

        public string IdOf(Agreement record) => record.Id;

        public string HashOf(Agreement record) => AgreementStore.Hash(record);

        public TableTransactionAction Write(Agreement record, string hash, DigestMatch match, DateTimeOffset now) =>
            new(TableTransactionActionType.UpsertReplace, AgreementStore.Row(record, hash, now));

        public TableEntity Tombstone(string id, DateTimeOffset now) => AgreementStore.Tombstone(id, now);
    }
}
