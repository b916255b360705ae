using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Queues;

/// <summary>The one entry for queue work: kinds, schema versions and run steps, against Azurite and the Graph stand-in.</summary>
public class QueueMessageDispatcherTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private QueueMessageDispatcher Dispatcher => Harness.Get<QueueMessageDispatcher>();

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegrationHarness.Stockholm).DateTime);

    [Fact]
    public async Task AMessageCarriesItsKindAndSchemaVersion()
    {
        await Harness.Get<QueueSender>().SendAsync(new SyncSourceMessage("r1", PlanItemsModule.Source), CancellationToken.None);

        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.SyncSource);
        var text = (await queue.PeekMessageAsync()).Value.Body.ToString();

        using var json = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("sync-source", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("r1", json.RootElement.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task ASyncSourceMessageRunsTheSourceAndRecordsTheStep()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));

        await Dispatcher.DispatchAsync(QueueNames.SyncSource, """{"kind":"sync-source","schemaVersion":1,"runId":"r2","source":"PlanItems"}""", 1, CancellationToken.None);

        var record = await Harness.Get<SyncRunStore>().GetAsync("r2", PlanItemsModule.Source, CancellationToken.None);
        Assert.Equal(SyncRunStatus.Succeeded, record!.Status);
        Assert.Equal((1, 1), (record.Count("read"), record.Count("created")));
        Assert.NotNull(record.StartedAt);
        Assert.NotNull(record.Duration);
    }

    [Fact]
    public async Task AMessageWrittenBeforeTheEnvelopeIsReadAsItsQueuesKind()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));

        await Dispatcher.DispatchAsync(QueueNames.SyncSource, """{"runId":"r3","source":"PlanItems"}""", 1, CancellationToken.None);

        Assert.Equal(SyncRunStatus.Succeeded, (await Harness.Get<SyncRunStore>().GetAsync("r3", PlanItemsModule.Source, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("""{"kind":"sync-source","schemaVersion":2,"runId":"r","source":"PlanItems"}""", "schema version 2")]
    [InlineData("""{"kind":"notification","schemaVersion":2}""", "No consumer for a message of kind 'notification' on sync-source")]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"kind":"sync-source","schemaVersion":1,"runId":"r","source":"PlanItems","nothing":[}""", "not JSON")]
    public async Task AMessageThatCannotBeReadFailsWithAClearReason(string text, string reason)
    {
        var error = await Assert.ThrowsAsync<InvalidQueueMessageException>(() => Dispatcher.DispatchAsync(QueueNames.SyncSource, text, 1, CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(Harness.Graph.Requests.All);
    }

    [Fact]
    public async Task AFailedStepIsRecordedWithItsErrorAndTriedAgainByTheNextDelivery()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));
        Harness.Graph.Faults.Fail(1, 500, pathContains: "delta");
        const string text = """{"kind":"sync-source","schemaVersion":1,"runId":"r4","source":"PlanItems"}""";

        await Assert.ThrowsAnyAsync<Exception>(() => Dispatcher.DispatchAsync(QueueNames.SyncSource, text, 1, CancellationToken.None));
        var failed = await Harness.Get<SyncRunStore>().GetAsync("r4", PlanItemsModule.Source, CancellationToken.None);
        await Dispatcher.DispatchAsync(QueueNames.SyncSource, text, 2, CancellationToken.None);
        var succeeded = await Harness.Get<SyncRunStore>().GetAsync("r4", PlanItemsModule.Source, CancellationToken.None);

        Assert.Equal((SyncRunStatus.Failed, 1), (failed!.Status, failed.Attempts));
        Assert.False(string.IsNullOrEmpty(failed.Detail));
        Assert.Equal((SyncRunStatus.Succeeded, 2, 1), (succeeded!.Status, succeeded.Attempts, succeeded.Count("created")));
    }
}
