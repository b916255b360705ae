using Azure.Data.Tables;
using Integration.Core.CaseSystem;
using Integration.Core.Configuration;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Options;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The budget assignments (budgetuppdrag) as a source on the <see cref="DeltaSyncEngine"/>, read
/// from the case system, their master: every case of the configured type, open and closed, through
/// <see cref="CaseDeltaFeed"/>, into the BudgetAssignments table. The source needs both ends: the
/// network's list (<c>SharePoint__Lists__BudgetAssignments</c>, where they are to be published)
/// and the case system (<c>CaseSystem__BaseUrl</c>); without the latter it is skipped as not
/// configured. What the engine resolves and checkpoints is the case type.
/// </summary>
public sealed class BudgetAssignmentsSource(
    ICaseSystem caseSystem,
    BudgetAssignmentStore store,
    IOptions<CaseSystemOptions> caseSystemOptions,
    IOptions<SharePointOptions> sharePoint,
    TimeProvider time) : IDeltaSource<CaseFeedItem, BudgetAssignment>
{
    private readonly BudgetAssignmentOptions _options = caseSystemOptions.Value.BudgetAssignments;

    public string Name => BudgetAssignmentsModule.Source;

    /// <summary>The case type, once the network's list is set; null leaves the source skipped for want of the list.</summary>
    public string? Reference => string.IsNullOrWhiteSpace(sharePoint.Value.List(BudgetAssignmentsModule.Source)) ? null : _options.CaseType;

    public string? MissingSetting => caseSystemOptions.Value.IsConfigured ? null : "CaseSystem__BaseUrl";

    public IDeltaFeed<CaseFeedItem> Feed => field ??= new CaseDeltaFeed(caseSystem, _options.PageSize, _options.MaxPages, time);

    public SourceTable Table => store;

    public IDeltaSourceRun<CaseFeedItem, BudgetAssignment> StartRun(string runId, string containerId) => new Run(new BudgetAssignmentMapper(_options));

    private sealed class Run(BudgetAssignmentMapper mapper) : IDeltaSourceRun<CaseFeedItem, BudgetAssignment>
    {
        public ValueTask<SourceMapping<BudgetAssignment>> MapAsync(CaseFeedItem item, CancellationToken ct) => ValueTask.FromResult(mapper.Map(item));

        public string IdOf(BudgetAssignment record) => record.Id;

        public string HashOf(BudgetAssignment record) => BudgetAssignmentStore.Hash(record);

        public TableTransactionAction Write(BudgetAssignment record, string hash, DigestMatch match, DateTimeOffset now) =>
            new(TableTransactionActionType.UpsertReplace, BudgetAssignmentStore.Row(record, hash, now));

        public TableEntity Tombstone(string id, DateTimeOffset now) => BudgetAssignmentStore.Tombstone(id, now);
    }
}
