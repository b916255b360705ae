using Integration.Core.BudgetAssignments;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>The source needs both ends: the network's list and the case system.</summary>
public class BudgetAssignmentsNotConfiguredTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Lists:BudgetAssignments"] = "Budgetuppdrag",
    };

    [Fact]
    public async Task WithTheListButNoCaseSystemTheSourceIsSkippedNamingTheCaseSystemSetting()
    {
        var night = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);

        Assert.DoesNotContain(BudgetAssignmentsModule.Source, night.QueuedSources);
        var record = await Harness.Get<SyncRunStore>().GetAsync(night.RunId, BudgetAssignmentsModule.Source, CancellationToken.None);
        Assert.Equal(SyncRunStatus.Skipped, record!.Status);
        Assert.Equal("not configured (CaseSystem__BaseUrl is not set)", record.Detail);

        // A message that arrives all the same is skipped with the same reason, not failed.
        var result = await new SourceSyncHandler(Harness.Services.GetServices<ISourceSync>(), Harness.Get<PredecessorWait>())
            .HandleAsync(new Core.Sync.SyncSourceMessage(night.RunId, BudgetAssignmentsModule.Source), new Core.Queues.MessageContext(Core.Queues.QueueNames.SyncSource, 1), CancellationToken.None);
        Assert.Equal((SyncRunStatus.Skipped, "not configured (CaseSystem__BaseUrl is not set)"), (result.Status, result.Detail));
    }
}
