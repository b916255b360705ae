using System.Text.Json;
using Integration.Cli.RunOnce;
using Integration.Core.Notifications;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// run-once with a Teams webhook: the WebJobs queue listener takes the events off the queue, the
/// digest is asked for and sent, and the summary reports <c>notifications</c> for real.
/// </summary>
public class RunOnceNotificationTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    private static DateOnly RealToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegrationHarness.Stockholm).DateTime);

    private Task<RunSummary> RunOnceAsync() =>
        new RunOnceRunner(Harness.Configuration, verbose: false, _ => { }) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

    [Fact]
    public async Task ANightPostsOneDigestAndASecondRunPostsNothing()
    {
        Harness.List.AddPlanItem("Försenad", Anna, RealToday.AddDays(-4));
        Harness.List.AddPlanItem("Snart", Omar, RealToday.AddDays(2));

        var first = await RunOnceAsync();
        var second = await RunOnceAsync();

        Assert.True(first.Succeeded);
        Assert.Equal((SyncRunStatus.Succeeded, 1, 0, 0), (first.Step(NotificationDigestHandler.Step).Status, first.Step(NotificationDigestHandler.Step).Count("channelPosts"), first.Step(NotificationDigestHandler.Step).Count("personal"), first.Step(NotificationDigestHandler.Step).Count("failed")));
        Assert.True(second.Succeeded);
        Assert.Equal((SyncRunStatus.Succeeded, 0), (second.Step(NotificationDigestHandler.Step).Status, second.Step(NotificationDigestHandler.Step).Count("channelPosts")));
        Assert.Single(Teams.Posts);
        using var json = JsonDocument.Parse(SummaryPrinter.ToJson(first));
        var notifications = json.RootElement.GetProperty("notifications");
        Assert.Equal(("succeeded", 1, 0, 0), (notifications.GetProperty("status").GetString(), notifications.GetProperty("channelPosts").GetInt32(), notifications.GetProperty("personal").GetInt32(), notifications.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task ARefusedDigestFailsTheRunAndEndsInThePoisonQueue()
    {
        Harness.List.AddPlanItem("Försenad", Anna, RealToday.AddDays(-4));
        Teams.Faults.Refuse(count: 10, status: 404);

        var summary = await RunOnceAsync();

        Assert.False(summary.Succeeded);
        Assert.Equal((SyncRunStatus.Failed, 0, 1), (summary.Step(NotificationDigestHandler.Step).Status, summary.Step(NotificationDigestHandler.Step).Count("channelPosts"), summary.Step(NotificationDigestHandler.Step).Count("failed")));
        Assert.Contains("404", summary.Step(NotificationDigestHandler.Step).Detail, StringComparison.Ordinal);
        Assert.Equal(1, await Harness.Get<Integration.Core.Queues.PoisonQueues>().CountAsync(Integration.Core.Queues.QueueNames.Notifications, CancellationToken.None));
        Assert.Empty(Teams.Posts);
    }
}
