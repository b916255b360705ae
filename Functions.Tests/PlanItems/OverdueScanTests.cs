using System.Globalization;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>The overdue scan: flags in the table and in SharePoint, and one notification per new flag.</summary>
public class OverdueScanTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    // 27 November 2026, 10:00 in Stockholm.
    private static readonly DateOnly Today = new(2026, 11, 27);

    protected override DateTimeOffset? Now => new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string? FlagInSharePoint(int id) => Harness.List.GetFields(id)?.GetValueOrDefault("OverdueFlag")?.ToString();

    [Fact]
    public async Task FlagsOverdueAndDueSoonItemsInTheTableAndInSharePoint()
    {
        var overdue = Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        var dueSoon = Harness.List.AddPlanItem("Snart", Omar, Today.AddDays(5));
        var later = Harness.List.AddPlanItem("Senare", Anna, Today.AddDays(30));
        var done = Harness.List.AddPlanItem("Klar", Anna, Today.AddDays(-10), PlanItemSeed.Done);
        var cancelled = Harness.List.AddPlanItem("Avbruten", Anna, Today.AddDays(-10), PlanItemSeed.Cancelled);
        await Harness.SyncAsync();

        var result = await Harness.ScanAsync();

        Assert.Equal(1, result.NewlyOverdue);
        Assert.Equal(1, result.NewlyDueSoon);
        Assert.Equal(2, result.FlagWrites);
        Assert.Equal(2, result.Notifications);
        var stored = await Harness.StoredItemsAsync();
        Assert.Equal("Overdue", stored[Key(overdue)].Flag);
        Assert.Equal("DueSoon", stored[Key(dueSoon)].Flag);
        Assert.Equal("", stored[Key(later)].Flag);
        Assert.Equal("Overdue", FlagInSharePoint(overdue));
        Assert.Equal("DueSoon", FlagInSharePoint(dueSoon));
        Assert.Null(FlagInSharePoint(later));
        Assert.Null(FlagInSharePoint(done));
        Assert.Null(FlagInSharePoint(cancelled));

        var notifications = await Harness.PeekNotificationsAsync();
        var message = Assert.Single(notifications, n => n.ItemId == Key(overdue));
        Assert.Equal("PlanItemOverdue", message.Event);
        Assert.Equal(3, message.PlanItem!.DaysOverdue);
        Assert.Equal("Försenad", message.Title);
        Assert.Equal(Anna.ToString(System.Globalization.CultureInfo.InvariantCulture), message.RecipientLookupId);
        Assert.Contains(new NotificationFact("Dagar försenad", "3"), message.Facts);
        Assert.Equal(("notification", 2), (message.Kind, message.SchemaVersion));
        Assert.Equal("PlanItemDueSoon", Assert.Single(notifications, n => n.ItemId == Key(dueSoon)).Event);
    }

    [Fact]
    public async Task ReadsOnlyOpenItemsWithinTheHorizon()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        for (var i = 0; i < 5; i++) Harness.List.AddPlanItem($"Senare {i}", Anna, Today.AddDays(30 + i));
        for (var i = 0; i < 5; i++) Harness.List.AddPlanItem($"Klar {i}", Anna, Today.AddDays(-30), PlanItemSeed.Done);
        await Harness.SyncAsync();

        Assert.Equal(1, (await Harness.ScanAsync()).Scanned);
    }

    [Fact]
    public async Task ASecondScanAndTheEchoOfOurOwnWritesChangeNothing()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Snart", Omar, Today.AddDays(2));
        await Harness.SyncAsync("run-1");
        await Harness.ScanAsync();
        var patches = Harness.Graph.Requests.Count("PATCH", "/fields");
        var etags = (await Harness.StoredItemsAsync()).ToDictionary(e => e.Key, e => e.Value.ETag);

        // Our flag writes changed the items in SharePoint, so they come back in the next delta.
        var echo = await Harness.SyncAsync("run-2");
        var rescan = await Harness.ScanAsync();

        Assert.Equal(2, echo.Read);
        Assert.Equal(2, echo.Unchanged);
        Assert.Equal(0, echo.Updated);
        Assert.Equal(0, rescan.FlagWrites);
        Assert.Equal(0, rescan.Notifications);
        Assert.Equal(patches, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Equal(etags, (await Harness.StoredItemsAsync()).ToDictionary(e => e.Key, e => e.Value.ETag));
        Assert.Equal(2, (await Harness.PeekNotificationsAsync()).Count);
    }

    [Fact]
    public async Task ADoneItemHasItsFlagClearedByTheSyncThatSeesItClose()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        var other = Harness.List.AddPlanItem("Också försenad", Omar, Today.AddDays(-2));
        await Harness.SyncAsync("run-1");
        await Harness.ScanAsync();

        Harness.List.Update(id, new Dictionary<string, object?> { ["Status"] = PlanItemSeed.Done });
        var sync = await Harness.SyncAsync("run-2");
        var scan = await Harness.ScanAsync();

        Assert.Equal(1, sync.Updated);
        Assert.Equal("", FlagInSharePoint(id));
        Assert.Equal("", (await Harness.StoredItemsAsync())[Key(id)].Flag);
        // The scan reads only the open item still due, and writes nothing.
        Assert.Equal(1, scan.Scanned);
        Assert.Equal(0, scan.FlagWrites);
        Assert.Equal(0, scan.Notifications);
        Assert.Equal("Overdue", FlagInSharePoint(other));
    }

    [Fact]
    public async Task AnItemMovedPastTheHorizonLosesItsDueSoonFlag()
    {
        var id = Harness.List.AddPlanItem("Snart", Anna, Today.AddDays(3));
        await Harness.SyncAsync("run-1");
        await Harness.ScanAsync();

        Harness.List.Update(id, new Dictionary<string, object?> { ["DueDate"] = Core.SharePoint.SharePointDates.ToSharePointValue(Today.AddDays(60), IntegrationHarness.Stockholm) });
        await Harness.SyncAsync("run-2");
        var echo = await Harness.SyncAsync("run-3");

        Assert.Equal("", FlagInSharePoint(id));
        Assert.Equal(0, (await Harness.ScanAsync()).Scanned);
        // Our own clearing write comes back once and changes nothing.
        Assert.Equal((1, 1), (echo.Read, echo.Unchanged));
    }

    [Fact]
    public async Task AFlagTheSyncCouldNotClearIsClearedByTheScan()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        await Harness.SyncAsync("run-1");
        await Harness.ScanAsync();

        Harness.List.Update(id, new Dictionary<string, object?> { ["Status"] = PlanItemSeed.Cancelled });
        Harness.Graph.Faults.Fail(1, 500, pathContains: "/fields");
        await Harness.SyncAsync("run-2");
        var scan = await Harness.ScanAsync();

        Assert.Equal(1, scan.FlagWrites);
        Assert.Equal("", FlagInSharePoint(id));
        Assert.Equal("", (await Harness.StoredItemsAsync())[Key(id)].Flag);
    }

    [Fact]
    public async Task AnItemTurnsOverdueAtMidnightInStockholm()
    {
        var id = Harness.List.AddPlanItem("Förfaller idag", Anna, Today);
        await Harness.SyncAsync();

        // 23:30 on the due date in Stockholm (22:30 UTC): due today, so due soon.
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero));
        var evening = await Harness.ScanAsync();
        // 00:30 the next day in Stockholm, while UTC still says 27 November.
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));
        var night = await Harness.ScanAsync();

        Assert.Equal(1, evening.NewlyDueSoon);
        Assert.Equal(1, night.NewlyOverdue);
        Assert.Equal("Overdue", FlagInSharePoint(id));
        var kinds = (await Harness.PeekNotificationsAsync()).Select(n => n.Event).ToList();
        Assert.Equal(["PlanItemDueSoon", "PlanItemOverdue"], kinds);
    }

    [Fact]
    public async Task ThrottledFlagWritesAreRetried()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        await Harness.SyncAsync();
        Harness.Graph.Faults.Throttle(2, retryAfterSeconds: 1, status: 429, pathContains: "/fields");

        var result = await Harness.ScanAsync();

        Assert.Equal(1, result.FlagWrites);
        Assert.Equal(0, result.Failures);
        Assert.Equal("Overdue", FlagInSharePoint(id));
    }

    [Fact]
    public async Task AFailedFlagWriteIsCountedAndRetriedByTheNextScan()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        await Harness.SyncAsync();
        Harness.Graph.Faults.Fail(1, 500, pathContains: "/fields");

        var failed = await Harness.ScanAsync();
        var retried = await Harness.ScanAsync();

        Assert.Equal(1, failed.Failures);
        Assert.Equal(1, retried.FlagWrites);
        Assert.Equal("Overdue", FlagInSharePoint(id));
        // The notification went out with the first scan and is not sent again.
        Assert.Single(await Harness.PeekNotificationsAsync());
    }
}
