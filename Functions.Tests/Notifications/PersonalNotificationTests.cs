using Azure.Data.Tables;
using Integration.Core.Notifications;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// Personal notifications end to end: plan items in the Graph stand-in, the sync and the overdue
/// scan into Azurite, and the night's notifications sent through the real Graph SDK to the
/// stand-in's activity feed, beside the channel digest to the Workflows stand-in. Assertions read
/// what the stand-ins received and what the ledger holds.
/// </summary>
public class PersonalNotificationTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    private const string AnnaEmail = "anna.lindqvist@natverket.example";
    private const string OmarEmail = "omar.haddad@natverket.example";
    private const string Coordinator = "samordnare@natverket.example";

    protected override bool ActivityFeedEnabled => true;

    [Fact]
    public async Task ANightSendsOneNotificationPerPersonHoldingThatPersonsEvents()
    {
        var late = Harness.List.AddPlanItem("Upphandla städtjänster – åäö", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Dialog med Arbetsförmedlingen", Anna, Today.AddDays(2));
        var omars = Harness.List.AddPlanItem("Mätbara mål för upphandling", Omar, Today.AddDays(-1));

        var result = await NightAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal((1, 2, 0), (result.Counts["channelPosts"], result.Counts["personal"], result.Counts["failed"]));
        Assert.Equal(2, Feed.Received.Count);
        var anna = Assert.Single(Feed.Delivered, n => n.User == AnnaEmail);
        Assert.Equal(("systemDefault", "text", DigestCard.Heading), (anna.ActivityType, anna.TopicSource, anna.TopicValue));
        Assert.Equal("2 aktiviteter i handlingsplanen behöver din uppmärksamhet", anna.TemplateParameters["systemDefault"]);
        // The most urgent first, and the click opens it in SharePoint.
        Assert.Equal("Försenad 3 dagar: Upphandla städtjänster – åäö · Förfaller om 2 dagar: Dialog med Arbetsförmedlingen", anna.PreviewText);
        Assert.Equal(ItemUrl(late), anna.WebUrl);
        var omar = Assert.Single(Feed.Delivered, n => n.User == OmarEmail);
        Assert.Equal("Försenad 1 dag: Mätbara mål för upphandling", omar.TemplateParameters["systemDefault"]);
        Assert.Equal(ItemUrl(omars), omar.WebUrl);
        // One ledger row per event and person, keyed by lookup id.
        Assert.Equal(2, (await LedgerAsync(DeliveryLedger.Person(Anna.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Count);
    }

    [Fact]
    public async Task TheSiteUserCacheKeepsOnlyTheOwnersAndTheOwnersStillGetTheirNotifications()
    {
        Harness.Site.EnsureUser("Sven Ek", "sven.ek@natverket.example");
        Harness.List.AddPlanItem("Upphandla städtjänster", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Mätbara mål för upphandling", Omar, Today.AddDays(-1));

        var result = await NightAsync("night-1");

        // The full sync read the whole User Information List; only the two owners' addresses are kept (of the
        // site's users without one, the cache keeps that word for a week, which is nothing personal).
        var kept = new List<string?>();
        var users = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.SiteUsers, CancellationToken.None);
        await foreach (var row in users.QueryAsync<TableEntity>(r => r.PartitionKey == SiteUserCache.Partition))
        {
            if (row.GetString("Email") is not null) kept.Add(row.GetString("LookupId"));
        }

        Assert.Equal(new[] { Anna, Omar }.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), kept.Order());
        Assert.Equal((2, 0), (result.Counts["personal"], result.Counts["failed"]));
        Assert.Equal([AnnaEmail, OmarEmail], Feed.Delivered.Select(n => n.User).Order());
    }

    [Fact]
    public async Task APersonGraphRefusesIsRecordedByLookupIdWhileTheOthersGetTheirsAndTheChannelCarriesTheItem()
    {
        var sara = Harness.Site.EnsureUser("Sara Nilsson", "sara.nilsson@natverket.example");
        Feed.SetAppInstalled(AnnaEmail, false);
        Harness.List.AddPlanItem("Annas försenade aktivitet", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Omars försenade aktivitet", Omar, Today.AddDays(-3));
        // Sara is in the site's User Information List but no longer in the tenant.
        Harness.List.AddPlanItem("Saras aktivitet", sara, Today.AddDays(1));
        // Kim's address is taken out of the list after the sync: nobody to address the notification to.
        var kim = Harness.Site.EnsureUser("Kim Ek", "kim.ek@natverket.example");
        Harness.List.AddPlanItem("Kims aktivitet", kim, Today.AddDays(1));
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        Harness.Site.UserInformationList.Update(kim, new Dictionary<string, object?> { ["EMail"] = null });

        var result = await DigestAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal((1, 1, 3), (result.Counts["channelPosts"], result.Counts["personal"], result.Counts["failed"]));
        Assert.Equal(OmarEmail, Assert.Single(Feed.Delivered).User);
        Assert.Equal([403, 404], Feed.Received.Where(n => n.Status != 204).Select(n => n.Status).Order());
        Assert.Contains($"site user {Anna} (403 Forbidden)", result.Detail, StringComparison.Ordinal);
        Assert.Contains($"site user {sara} (404 Request_ResourceNotFound)", result.Detail, StringComparison.Ordinal);
        Assert.Contains($"site user {kim} (no email address", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("@", result.Detail, StringComparison.Ordinal);
        var refused = Assert.Single(await LedgerAsync(DeliveryLedger.Person(Anna.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal((DeliveryLedger.Refused, 403, "Forbidden"), (refused.GetString("Outcome"), refused.GetInt32("Status"), refused.GetString("Code")));
        Assert.Contains("Annas försenade aktivitet", RunsReceived());
        Assert.Contains("Saras aktivitet", RunsReceived());

        // A rerun the same day tries nobody again: the refusals are on record.
        var rerun = await NightAsync("night-2");
        Assert.Equal((0, 0, 0), (rerun.Counts["channelPosts"], rerun.Counts["personal"], rerun.Counts["failed"]));
        Assert.Equal(3, Feed.Received.Count);
    }

    [Fact]
    public async Task ARedeliveryAndARerunTheSameDaySendNothingTwice()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Snart", Omar, Today.AddDays(2));
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        var events = await Harness.PeekNotificationsAsync();
        Assert.Empty(await WorkQueueAsync());
        Assert.Equal(2, (await DigestAsync("night-1")).Counts["personal"]);

        foreach (var e in events) await RedeliverAsync(e);
        await RedeliverAsync(new NotificationDigestMessage("night-1"));
        Assert.Empty(await WorkQueueAsync());
        var rerun = await NightAsync("night-2");

        Assert.Equal(2, Feed.Received.Count);
        Assert.Single(Teams.Posts);
        Assert.Equal((SyncRunStatus.Succeeded, 0, 0), (rerun.Status, rerun.Counts["personal"], rerun.Counts["channelPosts"]));
    }

    [Fact]
    public async Task ARerunWithOneNewEventSendsOnlyThatEventToItsOwner()
    {
        Harness.List.AddPlanItem("Första", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Omars första", Omar, Today.AddDays(-3));
        await NightAsync("night-1");
        Harness.List.AddPlanItem("Ny sedan förra körningen", Omar, Today.AddDays(-1));

        var rerun = await NightAsync("night-2");

        Assert.Equal(1, rerun.Counts["personal"]);
        var last = Feed.Received[^1];
        Assert.Equal((OmarEmail, "Försenad 1 dag: Ny sedan förra körningen"), (last.User, last.TemplateParameters["systemDefault"]));
        Assert.DoesNotContain("första", last.PreviewText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, Feed.Received.Count);
    }

    [Fact]
    public async Task AnItemOverduePastTheEscalationDaysReachesTheCoordinatorToo()
    {
        var escalated = Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, Today.AddDays(-20));
        Harness.List.AddPlanItem("Försenad men inte länge", Anna, Today.AddDays(-3));

        var result = await NightAsync("night-1");

        Assert.Equal((2, 0), (result.Counts["personal"], result.Counts["failed"]));
        var coordinator = Assert.Single(Feed.Delivered, n => n.User == Coordinator);
        Assert.Equal("Eskalerad, försenad 20 dagar: Kartlägga stadens inköp", coordinator.TemplateParameters["systemDefault"]);
        Assert.Equal(ItemUrl(escalated), coordinator.WebUrl);
        var anna = Assert.Single(Feed.Delivered, n => n.User == AnnaEmail);
        Assert.StartsWith("Eskalerad, försenad 20 dagar: Kartlägga stadens inköp · Försenad 3 dagar", anna.PreviewText, StringComparison.Ordinal);
        // The channel's card shows the step too.
        Assert.Contains("till samordnaren (försenad mer än 14 dagar)", RunsReceived());
        Assert.Single(await LedgerAsync(DeliveryLedger.Coordinator));
    }

    [Fact]
    public async Task AnItemThatCrossesTheEscalationDaysIsSentAgainAsEscalated()
    {
        Harness.List.AddPlanItem("Snart eskalerad", Anna, Today.AddDays(-12));
        await NightAsync("night-1");
        Assert.Equal([AnnaEmail], Feed.Delivered.Select(n => n.User));

        Harness.Time.Advance(TimeSpan.FromDays(3));
        var later = await NightAsync("night-2");

        Assert.Equal((1, 2), (later.Counts["channelPosts"], later.Counts["personal"]));
        Assert.Equal([AnnaEmail, AnnaEmail, Coordinator], Feed.Delivered.Select(n => n.User).Order(StringComparer.Ordinal));
        Assert.Equal("Eskalerad, försenad 15 dagar: Snart eskalerad", Feed.Delivered.Single(n => n.User == Coordinator).TemplateParameters["systemDefault"]);
    }

    [Fact]
    public async Task ThrottlingIsRetriedByTheGraphClientAfterRetryAfter()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Harness.Graph.Faults.Throttle(count: 2, retryAfterSeconds: 0, pathContains: TeamsActivityFeed.Action);

        var result = await NightAsync("night-1");

        Assert.Equal((SyncRunStatus.Succeeded, 1, 0), (result.Status, result.Counts["personal"], result.Counts["failed"]));
        Assert.Equal(2, Harness.Graph.Requests.All.Count(r => r.Status == 429 && r.PathAndQuery.Contains(TeamsActivityFeed.Action, StringComparison.Ordinal)));
        Assert.Equal(AnnaEmail, Assert.Single(Feed.Delivered).User);
    }

    [Fact]
    public async Task AServerErrorFailsTheNightAndTheQueueRetrySendsOnlyWhatIsMissing()
    {
        Harness.List.AddPlanItem("Annas", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Omars", Omar, Today.AddDays(-3));
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        // A 500 is not retried by the Graph client: one of the two fails, the other goes out.
        Harness.Graph.Faults.Fail(count: 1, status: 500, pathContains: TeamsActivityFeed.Action);

        var failed = await DigestAsync("night-1", expectFailure: true);

        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal((1, 1, 1), (failed.Counts["channelPosts"], failed.Counts["personal"], failed.Counts["failed"]));
        Assert.Contains("500", failed.Detail, StringComparison.Ordinal);
        Assert.Single(Feed.Delivered);

        await Task.Delay(Visibility + TimeSpan.FromMilliseconds(500));
        Assert.Empty(await WorkQueueAsync());
        var after = await Harness.Get<NotificationSummary>().ForRunAsync("night-1", CancellationToken.None);
        Assert.Equal((SyncRunStatus.Succeeded, 1, 2, 0), (after.Status, after.Counts["channelPosts"], after.Counts["personal"], after.Counts["failed"]));
        Assert.Equal([AnnaEmail, OmarEmail], Feed.Delivered.Select(n => n.User).Order(StringComparer.Ordinal));
        Assert.Single(Teams.Posts);
    }

    private string ItemUrl(int id) => $"{Harness.Site.WebUrl}/Lists/Handlingsplan/DispForm.aspx?ID={id}";

    private async Task<List<TableEntity>> LedgerAsync(string recipient)
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.NotificationDeliveries);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == recipient)) rows.Add(row);
        return rows;
    }
}

/// <summary>The coordinator who also owns items gets one notification holding both.</summary>
public class CoordinatorOwnerTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override bool ActivityFeedEnabled => true;

    protected override string? CoordinatorEmail => "omar.haddad@natverket.example";

    [Fact]
    public async Task TheCoordinatorWhoOwnsAnItemGetsOneNotificationWithTheirOwnAndTheEscalatedItems()
    {
        Harness.List.AddPlanItem("Annas eskalerade", Anna, Today.AddDays(-30));
        Harness.List.AddPlanItem("Omars egen", Omar, Today.AddDays(2));

        var result = await NightAsync("night-1");

        Assert.Equal(2, result.Counts["personal"]);
        var omar = Assert.Single(Feed.Delivered, n => n.User == CoordinatorEmail);
        Assert.Equal("Eskalerad, försenad 30 dagar: Annas eskalerade · Förfaller om 2 dagar: Omars egen", omar.PreviewText);
    }
}

/// <summary>With the activity feed off nothing reaches Graph's Teams endpoints, and the night says so.</summary>
public class ActivityFeedDisabledTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    [Fact]
    public async Task NoPersonalNotificationIsSentAndTheNightReportsTheFeedOff()
    {
        Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, Today.AddDays(-20));

        var result = await NightAsync("night-1");

        Assert.Equal((SyncRunStatus.Succeeded, 1, 0, 0), (result.Status, result.Counts["channelPosts"], result.Counts["personal"], result.Counts["failed"]));
        Assert.Contains("Teams__ActivityFeed__Enabled", result.Detail, StringComparison.Ordinal);
        Assert.Empty(Feed.Received);
        Assert.Equal(0, Harness.Graph.Requests.Count("POST", TeamsActivityFeed.Action));
    }
}

/// <summary>The activity feed on and no webhook: people are told, the events wait for the channel.</summary>
public class ActivityFeedWithoutWebhookTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override bool WebhookConfigured => false;

    protected override bool ActivityFeedEnabled => true;

    [Fact]
    public async Task PersonalNotificationsGoOutOnceAndTheEventsWaitForTheChannel()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));

        var first = await NightAsync("night-1");
        var second = await NightAsync("night-2");

        Assert.Equal((SyncRunStatus.Succeeded, 0, 1), (first.Status, first.Counts["channelPosts"], first.Counts["personal"]));
        Assert.Contains("Teams__WorkflowWebhookUrl", first.Detail, StringComparison.Ordinal);
        Assert.Equal(0, second.Counts["personal"]);
        Assert.Single(Feed.Delivered);
        Assert.Single(await Harness.Get<PendingNotifications>().ListAsync(CancellationToken.None));
    }
}
