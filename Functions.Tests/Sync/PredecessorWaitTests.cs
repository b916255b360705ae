using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integration.Functions.Tests.Sync;

/// <summary>The agreements wait for the same night's enterprises, as SyncRuns in Azurite records them.</summary>
public class PredecessorWaitTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private PredecessorWait Wait(TimeSpan maxWait) =>
        new(Harness.Get<SyncSources>(), Harness.Get<SyncRunStore>(), TimeProvider.System, NullLogger<PredecessorWait>.Instance) { MaxWait = maxWait, PollInterval = TimeSpan.FromMilliseconds(50) };

    private Task SaveAsync(string runId, string step, SyncRunStatus status) =>
        Harness.Get<SyncRunStore>().SaveAsync(new SyncRunRecord(runId, step, status, null, SyncRunRecord.NoCounts, 1), CancellationToken.None);

    [Fact]
    public async Task TheAgreementsGoOnlyOnceTheNightsEnterprisesHaveFinished()
    {
        await SaveAsync("night", EnterprisesModule.Source, SyncRunStatus.Queued);
        var waiting = Wait(TimeSpan.FromMinutes(1)).WaitAsync("night", AgreementsModule.Source, CancellationToken.None);

        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await SaveAsync("night", EnterprisesModule.Source, SyncRunStatus.Failed);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await SaveAsync("night", EnterprisesModule.Source, SyncRunStatus.Succeeded);

        Assert.Null(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(PlanItemsModule.Source)]
    [InlineData(EnterprisesModule.Source)]
    public async Task ASourceThatDependsOnNoneGoesAtOnce(string source)
    {
        await SaveAsync("night", EnterprisesModule.Source, SyncRunStatus.Queued);

        Assert.Null(await Wait(TimeSpan.FromMinutes(1)).WaitAsync("night", source, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AnEnterprisesStepThatIsNotPartOfTheRunIsNotWaitedFor() =>
        Assert.Null(await Wait(TimeSpan.FromMinutes(1)).WaitAsync("night", AgreementsModule.Source, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task AfterTheLongestWaitTheAgreementsGoOnAndSaySo()
    {
        await SaveAsync("night", EnterprisesModule.Source, SyncRunStatus.Queued);

        var detail = await Wait(TimeSpan.FromMilliseconds(400)).WaitAsync("night", AgreementsModule.Source, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("Enterprises had not finished", detail, StringComparison.Ordinal);
    }
}
