using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Enterprises;

/// <summary>
/// The social-enterprise list (<c>SharePoint__Lists__Enterprises</c>) as a source on the
/// <see cref="DeltaSyncEngine"/>, into the Enterprises table. Numbers are read as organisation
/// numbers, or as a sole trader's personal identity number where
/// <c>Enterprises__AllowPersonalIdentityNumbers</c> allows it; two items with one number both go to
/// quarantine (the <see cref="EnterpriseFeed"/> brings the other half along).
/// </summary>
public sealed class EnterpriseSource(
    SharePointLists lists,
    EnterpriseStore store,
    IOptions<SharePointOptions> sharePoint,
    IOptions<EnterprisesOptions> options,
    NumberKeying keying,
    NetworkCalendar calendar,
    ILogger<EnterpriseSource> logger) : IDeltaSource<EnterpriseItem, Enterprise>
{
    private EnterpriseMapper Mapper => field ??= new(new ColumnNames(sharePoint.Value, EnterpriseColumns.List), keying, options.Value.AllowPersonalIdentityNumbers);

    public string Name => EnterprisesModule.Source;

    public string? Reference => sharePoint.Value.List(EnterprisesModule.Source);

    public IDeltaFeed<EnterpriseItem> Feed => field ??= new EnterpriseFeed(lists, store, Mapper, keying.Id, Today);

    public SourceTable Table => store;

    public IProblemColumn<EnterpriseItem> Problems => field ??= new ListProblemColumn<EnterpriseItem>(
        lists, Mapper.Columns, item => item.Item, Mapper.Columns[EnterpriseColumns.Name, EnterpriseColumns.NameDefault], "Företag");

    /// <summary>Today in Stockholm: a 10-digit personal identity number is placed in its century by it.</summary>
    private DateOnly Today() => calendar.Today();

    public IDeltaSourceRun<EnterpriseItem, Enterprise> StartRun(string runId, string containerId) =>
        new Run(Mapper, new ColumnCheck(lists, containerId, Reference ?? containerId, Mapper.Mapping, logger));

    private sealed class Run(EnterpriseMapper mapper, ColumnCheck columns) : IDeltaSourceRun<EnterpriseItem, Enterprise>
    {
        public Task BeginFeedAsync(bool fullSync, CancellationToken ct) => columns.BeginFeedAsync(fullSync, ct);

        public Task BeforePageAsync(IReadOnlyCollection<EnterpriseItem> live, CancellationToken ct) =>
            columns.BeforePageAsync(live.Select(i => i.Item).ToList(), ct);

        public ValueTask<SourceMapping<Enterprise>> MapAsync(EnterpriseItem item, CancellationToken ct) =>
            ValueTask.FromResult(mapper.Map(item.Item, item.Today, item.OtherHolders));

        public string IdOf(Enterprise record) => record.Id;

        public string HashOf(Enterprise record) => EnterpriseStore.Hash(record);

        public TableTransactionAction Write(Enterprise record, string hash, DigestMatch match, DateTimeOffset now) =>
            new(TableTransactionActionType.UpsertReplace, EnterpriseStore.Row(record, hash, now));

        public TableEntity Tombstone(string id, DateTimeOffset now) => EnterpriseStore.Tombstone(id, now);
    }
}
