using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// Personal notifications address people by email, which is personal data: a night with sends, a
/// refusal, an unknown user, an outage and the coordinator, logged at Trace, has no email and no
/// name in any log line, and the run's record of it names people by lookup id only.
/// </summary>
public class PersonalNotificationLogTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override bool ActivityFeedEnabled => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
    }

    [Fact]
    public async Task ANightOfPersonalNotificationsLogsLookupIdsNeverEmailsOrNames()
    {
        var sara = Harness.Site.EnsureUser("Sara Nilsson", "sara.nilsson@natverket.example");
        Feed.SetAppInstalled("anna.lindqvist@natverket.example", false);
        Harness.List.AddPlanItem("Eskalerad", Anna, Today.AddDays(-20));
        Harness.List.AddPlanItem("Försenad", Omar, Today.AddDays(-2));
        Harness.List.AddPlanItem("Snart", sara, Today.AddDays(2));
        Harness.Graph.Faults.Fail(count: 1, status: 502, pathContains: Integration.Emulators.Graph.TeamsActivityFeed.Action);
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        await WorkQueueAsync();
        var failed = await DigestAsync("night-1", expectFailure: true);
        await Task.Delay(Visibility + TimeSpan.FromMilliseconds(500));
        await WorkQueueAsync();
        var after = await Harness.Get<Integration.Core.Notifications.NotificationSummary>().ForRunAsync("night-1", CancellationToken.None);
        Assert.Equal((Integration.Core.Sync.SyncRunStatus.Failed, Integration.Core.Sync.SyncRunStatus.Succeeded), (failed.Status, after.Status));

        Assert.True(Feed.Delivered.Count >= 2, "Omar and the coordinator are told");
        var records = Harness.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("personal notification", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains($"person-{Anna}", StringComparison.Ordinal));
        string[] forbidden = ["anna.lindqvist", "omar.haddad", "sara.nilsson", "samordnare", "@natverket.example", "Anna Lindqvist", "Omar Haddad", "Sara Nilsson"];
        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(p => p.Value) ?? []);
            texts.AddRange(record.Scopes.Select(s => s?.ToString()));
            foreach (var text in texts.OfType<string>())
            {
                Assert.All(forbidden, word => Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"A {record.Level} log line from {record.Category} holds '{word}': {text}"));
            }
        }

        Assert.All(forbidden, word =>
        {
            Assert.DoesNotContain(word, failed.Detail ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(word, after.Detail ?? "", StringComparison.OrdinalIgnoreCase);
        });
    }
}
