using Integration.Core.Notifications;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// The digest when Teams does not take it: throttled, failing, refusing. Each ends with every
/// event posted exactly once, or with the digest failed and the reason recorded for the poison queue.
/// </summary>
public class DigestFailureTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    [Fact]
    public async Task AThrottledPostIsRetriedAndSentOnce()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Teams.Faults.Throttle(count: 2, retryAfterSeconds: 0);

        var result = await NightAsync("night-1");

        Assert.Equal([429, 429], Teams.Refused);
        Assert.Single(Teams.Posts);
        Assert.Equal((SyncRunStatus.Succeeded, 1), (result.Status, result.Counts["channelPosts"]));
    }

    [Fact]
    public async Task ServerErrorsPastTheRetriesFailTheDigestAndTheQueueSendsItLater()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        // The first try and its three retries all fail.
        Teams.Faults.ServerError(count: 4, status: 503);

        var failed = await DigestAsync("night-1", expectFailure: true);

        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal((0, 1), (failed.Counts["channelPosts"], failed.Counts["failed"]));
        Assert.Contains("503", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(4, Teams.Refused.Count);
        Assert.Empty(Teams.Posts);

        // The queue brings the message back once the outage is over.
        await Task.Delay(Visibility + TimeSpan.FromMilliseconds(500));
        Assert.Empty(await WorkQueueAsync());
        var after = await Harness.Get<NotificationSummary>().ForRunAsync("night-1", CancellationToken.None);
        Assert.Equal((SyncRunStatus.Succeeded, 1, 0), (after.Status, after.Counts["channelPosts"], after.Counts["failed"]));
        Assert.Single(Teams.Posts);
    }

    [Fact]
    public async Task AFailedSecondPostIsSentLaterWithoutTheFirstAgain()
    {
        for (var i = 0; i < 60; i++) Harness.List.AddPlanItem($"Aktivitet {i:D2} " + new string('ö', 200), Anna, Today.AddDays(-5));
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        var probe = DigestPosts.Build(Today, Enumerable.Range(0, 60).Select(i => new DigestItem($"e{i}", DigestSection.Overdue, $"Aktivitet {i:D2} " + new string('ö', 200), [], null)).ToList());
        Assert.True(probe.Count >= 2);

        // The first post goes through; the second meets an outage longer than the retries.
        Teams.Faults.Pass(1);
        Teams.Faults.ServerError(count: 4);
        var failed = await DigestAsync("night-1", expectFailure: true);
        Assert.Equal((SyncRunStatus.Failed, 1, 1), (failed.Status, failed.Counts["channelPosts"], failed.Counts["failed"]));
        Assert.Single(Teams.Posts);

        await Task.Delay(Visibility + TimeSpan.FromMilliseconds(500));
        Assert.Empty(await WorkQueueAsync());

        var titles = RunsReceived().Where(r => r.StartsWith("Aktivitet ", StringComparison.Ordinal)).ToList();
        Assert.Equal(60, titles.Count);
        Assert.Equal(60, titles.Distinct().Count());
        var summary = await Harness.Get<NotificationSummary>().ForRunAsync("night-1", CancellationToken.None);
        Assert.Equal((SyncRunStatus.Succeeded, Teams.Posts.Count), (summary.Status, summary.Counts["channelPosts"]));
    }

    [Fact]
    public async Task ARefusalIsNotRetriedAndFailsWithItsStatusAndCode()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Teams.Faults.Refuse(status: 400);

        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        var failed = await DigestAsync("night-1", expectFailure: true);

        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Counts["failed"]);
        Assert.Contains("400", failed.Detail, StringComparison.Ordinal);
        Assert.Contains("poison", failed.Detail, StringComparison.Ordinal);
        Assert.Equal([400], Teams.Refused);
        Assert.DoesNotContain(Teams.WebhookUrl.Query, failed.Detail, StringComparison.Ordinal);
    }
}

/// <summary>Without a webhook the digest is skipped and says which setting is missing; events wait.</summary>
public class DigestNotConfiguredTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override bool WebhookConfigured => false;

    [Fact]
    public async Task AnUnsetWebhookIsReportedAsSkippedNamingTheSetting()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));

        var result = await NightAsync("night-1");

        Assert.Equal(SyncRunStatus.Skipped, result.Status);
        Assert.Contains("Teams__WorkflowWebhookUrl", result.Detail, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (result.Counts["channelPosts"], result.Counts["personal"], result.Counts["failed"]));
        Assert.Empty(Teams.Posts);
        Assert.Single(await Harness.Get<PendingNotifications>().ListAsync(CancellationToken.None));
    }
}
