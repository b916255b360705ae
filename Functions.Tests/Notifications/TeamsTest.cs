using System.Text.Json.Nodes;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Teams;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// Base for the Teams tests: Azurite, the Graph stand-in with the plan-item list and the tenant's
/// users for the activity feed, and a Workflows webhook stand-in configured as
/// <c>Teams__WorkflowWebhookUrl</c>; the real Core services post to both over loopback through the
/// real resilience handler and the real Graph SDK.
/// </summary>
public abstract class TeamsTest(AzuriteFixture azurite) : StorageTest(azurite)
{
    /// <summary>27 November 2026 in Stockholm.</summary>
    protected static readonly DateOnly Today = new(2026, 11, 27);

    private TeamsWebhookStandIn _teams = null!;

    protected TeamsWebhookStandIn Teams => _teams;

    protected override DateTimeOffset? Now => new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    protected virtual bool WebhookConfigured => true;

    /// <summary>Personal notifications through the Graph stand-in's activity feed (<c>Teams__ActivityFeed__Enabled</c>).</summary>
    protected virtual bool ActivityFeedEnabled => false;

    /// <summary>The network's coordinator, <c>Teams__CoordinatorEmail</c>; a user of the stand-in's tenant.</summary>
    protected virtual string? CoordinatorEmail => "samordnare@natverket.example";

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>();
            if (WebhookConfigured) settings["Teams:WorkflowWebhookUrl"] = _teams.WebhookUrl.ToString();
            if (ActivityFeedEnabled) settings["Teams:ActivityFeed:Enabled"] = "true";
            if (CoordinatorEmail is not null) settings["Teams:CoordinatorEmail"] = CoordinatorEmail;
            return settings;
        }
    }

    /// <summary>What the Graph stand-in's activity feed received.</summary>
    protected Integration.Emulators.Graph.TeamsActivityFeed Feed => Harness.Graph.ActivityFeed;

    // The resilience pipeline waits on the harness's fake clock, which stands still: retries within
    // a call come at once here. What is retried is the production rule.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        _teams = await TeamsWebhookStandIn.StartAsync();
        await base.InitializeAsync();
        // The tenant's users, with the Teams app installed for each.
        Feed.AddUser("anna.lindqvist@natverket.example");
        Feed.AddUser("omar.haddad@natverket.example");
        if (CoordinatorEmail is not null) Feed.AddUser(CoordinatorEmail);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _teams.DisposeAsync();
    }

    /// <summary>Sync, scan, the events off the queue, the digest asked for and sent: a night as run-once runs it.</summary>
    protected async Task<StepResult> NightAsync(string runId)
    {
        await Harness.SyncAsync(runId);
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        return await DigestAsync(runId);
    }

    /// <summary>Asks for the night's digest and works the queue; returns what run-once would report.</summary>
    protected async Task<StepResult> DigestAsync(string runId, bool expectFailure = false)
    {
        await Harness.Get<NotificationDigestStep>().RequestAsync(runId, CancellationToken.None);
        var failures = await WorkQueueAsync();
        if (!expectFailure) Assert.Empty(failures);
        return await Harness.Get<NotificationSummary>().ForRunAsync(runId, CancellationToken.None);
    }

    /// <summary>How long a message that failed stays out of sight before a later pass sees it again.</summary>
    protected static readonly TimeSpan Visibility = TimeSpan.FromSeconds(2);

    /// <summary>Works the notifications queue once per message, as the host does; a failure leaves the message for a later pass.</summary>
    protected Task<List<Exception>> WorkQueueAsync() => Harness.WorkQueueAsync(QueueNames.Notifications, Visibility, untilEmpty: true);

    /// <summary>Sends a message again as the queue would redeliver it.</summary>
    protected Task RedeliverAsync<T>(T message) where T : IQueueMessage => Harness.Get<QueueSender>().SendAsync(message, CancellationToken.None);

    /// <summary>Every TextRun's text in the cards the channel received, in order.</summary>
    protected IReadOnlyList<string> RunsReceived() =>
        Teams.Posts.SelectMany(p => p.Cards).SelectMany(Descendants).Where(n => (string?)n["type"] == "TextRun").Select(n => (string)n["text"]!).ToList();

    protected static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
