using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Sync;

/// <summary>Every step of a night is a SyncRuns row: the sources as NightlySync records them, and the overdue scan.</summary>
public class NightStepTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Lists:Agreements"] = "Avtal",
    };

    [Fact]
    public async Task TheNightQueuesEveryConfiguredSourceAndRecordsTheOthersAsSkipped()
    {
        var run = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);

        var records = await Harness.Get<SyncRunStore>().ListAsync(run.RunId, CancellationToken.None);

        // Every source is built now: a configured one is queued, an unconfigured one skipped.
        Assert.Equal([AgreementsModule.Source, PlanItemsModule.Source], run.QueuedSources.Order());
        Assert.Equal(Harness.Get<SyncSources>().Names.Order(), records.Select(r => r.Step).Order());
        Assert.Equal(SyncRunStatus.Skipped, records.Single(r => r.Step == EnterprisesModule.Source).Status);
    }

    [Fact]
    public async Task TheScanOnItsOwnTimerIsRecordedUnderTheLatestNight()
    {
        Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20));
        var run = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        await Harness.SyncAsync(run.RunId);
        Harness.Time.Advance(TimeSpan.FromHours(2.5));

        var record = await Harness.Get<OverdueScanStep>().RunAsync(runId: null, CancellationToken.None);

        Assert.Equal(run.RunId, record.RunId);
        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        Assert.Equal((1, 1), (record.Count("newlyOverdue"), record.Count("notifications")));
        var stored = await Harness.Get<SyncRunStore>().GetAsync(run.RunId, OverdueScanStep.Step, CancellationToken.None);
        Assert.Equal(record.Counts.OrderBy(c => c.Key), stored!.Counts.OrderBy(c => c.Key));
    }

    [Fact]
    public async Task AScanRepeatedInTheSameNightDoesNothingTheSecondTime()
    {
        Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20));
        var run = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        await Harness.SyncAsync(run.RunId);
        var step = Harness.Get<OverdueScanStep>();

        await step.RunAsync(run.RunId, CancellationToken.None);
        var patches = Harness.Graph.Requests.Count("PATCH", "/fields");
        var again = await step.RunAsync(run.RunId, CancellationToken.None);

        Assert.Equal(patches, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Equal(1, again.Count("newlyOverdue"));
    }

    [Fact]
    public async Task AScanWithoutANightOfItsOwnGetsARunId()
    {
        var first = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        Harness.Time.Advance(TimeSpan.FromDays(1));

        var record = await Harness.Get<OverdueScanStep>().RunAsync(runId: null, CancellationToken.None);

        Assert.NotEqual(first.RunId, record.RunId);
        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
    }
}
