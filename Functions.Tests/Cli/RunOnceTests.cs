using Azure.Storage.Queues;
using Integration.Cli.RunOnce;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Cli;

/// <summary>
/// run-once as an operator runs it: the NightlySync step queues the sources, the WebJobs SDK
/// queue listener (the engine under the Functions host) works the queue, then the overdue scan.
/// </summary>
public class RunOnceTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegrationHarness.Stockholm).DateTime);

    private readonly List<string> _progress = [];

    private Task<RunSummary> RunOnceAsync() =>
        new RunOnceRunner(Harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

    [Fact]
    public async Task RunsTheNightAndASecondRunChangesNothing()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));
        Harness.List.AddPlanItem("Snart", Omar, Today.AddDays(2));
        Harness.List.AddPlanItem("Senare", Anna, Today.AddDays(40));
        Harness.List.AddPlanItem("Utan status", Anna, Today, "Väntar");

        var first = await RunOnceAsync();
        var patches = Harness.Graph.Requests.Count("PATCH", "/fields");
        var second = await RunOnceAsync();

        Assert.True(first.Succeeded);
        var plan = first.Sources.Single(s => s.Source == PlanItemsModule.Source);
        var scan = first.Step(OverdueScanStep.Step);
        Assert.Equal((4, 3, 1, 1, 1, 2), (plan.Read, plan.Created, plan.Quarantined, scan.Count("newlyOverdue"), scan.Count("newlyDueSoon"), scan.Count("notifications")));
        Assert.Equal(Harness.Get<SyncSources>().Names, first.Sources.Select(s => s.Source));
        Assert.All(first.Sources.Where(s => s.Source != PlanItemsModule.Source), s => Assert.Equal(SyncRunStatus.Skipped, s.Status));
        // The two flags, and the unknown status written on its item.
        Assert.Equal(3, patches);
        Assert.Equal(1, plan.Count("problemsWritten"));

        Assert.True(second.Succeeded);
        var again = second.Sources.Single(s => s.Source == PlanItemsModule.Source);
        Assert.Equal((0, 0, 0, 0, 0), (again.Created, again.Updated, again.Deleted, second.Step(OverdueScanStep.Step).Count("newlyOverdue"), second.Step(OverdueScanStep.Step).Count("notifications")));
        // The echoes of the night's writes: the flagged items unchanged, the refused one refused again and not written to.
        Assert.Equal((again.Read, 0), (again.Unchanged + again.Quarantined, again.Count("problemsWritten")));
        Assert.Equal(patches, Harness.Graph.Requests.Count("PATCH", "/fields"));
        // Without a webhook the events are taken off the queue and wait as pending; the step says why.
        Assert.Empty(await Harness.PeekNotificationsAsync());
        // The overdue and the due-soon item, and the problem of the item without a known status.
        Assert.Equal(3, (await Harness.Get<Integration.Core.Notifications.PendingNotifications>().ListAsync(CancellationToken.None)).Count);
        Assert.Equal(SyncRunStatus.Skipped, first.Step(NotificationDigestHandler.Step).Status);
        Assert.Contains("Teams__WorkflowWebhookUrl", first.Step(NotificationDigestHandler.Step).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceThatKeepsFailingEndsInThePoisonQueueAndFailsTheRun()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));
        Harness.Graph.Faults.Fail(100, 500, pathContains: "delta");

        var summary = await RunOnceAsync();

        Assert.False(summary.Succeeded);
        var plan = summary.Sources.Single(s => s.Source == PlanItemsModule.Source);
        Assert.Equal(SyncRunStatus.Failed, plan.Status);
        Assert.Contains("General exception", plan.Detail, StringComparison.OrdinalIgnoreCase);
        var poison = new QueueClient(Azurite.ConnectionString, QueueNames.Poison(QueueNames.SyncSource), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var message = Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        Assert.Equal(summary.RunId, QueueSender.Parse<SyncSourceMessage>(message.Body.ToString()).RunId);
        Assert.Contains(_progress, line => line.Contains("attempt 3 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedeliveredMessageDoesNothing()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));
        var run = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        var text = System.Text.Json.JsonSerializer.Serialize(new SyncSourceMessage(run.RunId, PlanItemsModule.Source), QueueSender.Json);
        var dispatcher = Harness.Get<QueueMessageDispatcher>();

        await dispatcher.DispatchAsync(QueueNames.SyncSource, text, 1, CancellationToken.None);
        var requests = Harness.Graph.Requests.All.Count;
        await dispatcher.DispatchAsync(QueueNames.SyncSource, text, 2, CancellationToken.None);

        Assert.Equal(requests, Harness.Graph.Requests.All.Count);
        var record = await Harness.Get<SyncRunStore>().GetAsync(run.RunId, PlanItemsModule.Source, CancellationToken.None);
        Assert.Equal(1, record!.Count("created"));
    }

    [Fact]
    public async Task ARunThatTimesOutSaysWhatWasStillRunningAndSummarisesWhatFinished()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-4));
        Harness.Graph.Latency = TimeSpan.FromSeconds(4);

        var summary = await new RunOnceRunner(Harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromSeconds(2) }.RunAsync(CancellationToken.None);

        Assert.False(summary.Succeeded);
        Assert.Contains(PlanItemsModule.Source, summary.StillRunning);
        Assert.Contains(OverdueScanStep.Step, summary.StillRunning);
        Assert.Equal(Harness.Get<SyncSources>().Names, summary.Sources.Select(s => s.Source));
        Assert.Contains(_progress, line => line.Contains("Gave up waiting", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(SummaryPrinter.ToJson(summary));
        Assert.False(json.RootElement.GetProperty("succeeded").GetBoolean());
    }
}
