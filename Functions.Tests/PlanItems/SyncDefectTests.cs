using System.Globalization;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// Defects found by trying to break the night, each kept fixed by a test that failed before the
/// fix: the real sync and scan through the Graph SDK against the stand-in, into Azurite.
/// </summary>
public class SyncDefectTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    // The harness's clock is 2026-11-27 10:00 in Stockholm.
    private static readonly DateOnly LastWeek = new(2026, 11, 20);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string? FlagInSharePoint(int id) => Harness.List.GetFields(id)?.GetValueOrDefault("OverdueFlag")?.ToString();

    [Fact]
    public async Task AnItemEditedIntoQuarantineLosesItsFlagGetsNoNotificationAndComesBackWhenFixed()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, LastWeek);
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        Assert.Equal("Overdue", FlagInSharePoint(id));
        Assert.Single(await Harness.PeekNotificationsAsync());

        // Edited so it cannot be taken in: the row stays with its last good values, marked.
        Harness.List.Update(id, new Dictionary<string, object?> { ["Status"] = "Väntar på beslut" });
        var counts = await Harness.SyncAsync("night-2");
        var scan = await Harness.ScanAsync();

        Assert.Equal(1, counts.Quarantined);
        var row = (await Harness.StoredItemsAsync())[Key(id)];
        Assert.True(row.InQuarantine);
        Assert.Contains("Väntar på beslut", row.QuarantineReason, StringComparison.Ordinal);
        Assert.Equal("Försenad", row.Title);
        Assert.Equal("", row.Flag);
        Assert.True(string.IsNullOrEmpty(FlagInSharePoint(id)), "the scan left the flag it wrote on an item in quarantine");
        Assert.Equal(1, scan.Cleared);
        // No second overdue notice; the coordinator and the owner are told of the problem instead.
        Assert.Equal([NotificationEvents.PlanItemOverdue, NotificationEvents.DataProblemFound], (await Harness.PeekNotificationsAsync()).Select(n => n.Event));

        // The echo of the cleared flag is still the same invalid item: nothing more is written.
        await Harness.SyncAsync("night-3");
        Harness.TableRequests.Reset();
        await Harness.SyncAsync("night-4");
        Assert.Equal(0, Harness.TableRequests.Writes);

        // Fixed: back to normal, flagged again.
        Harness.List.Update(id, new Dictionary<string, object?> { ["Status"] = PlanItemSeed.InProgress });
        var fixedCounts = await Harness.SyncAsync("night-5");
        await Harness.ScanAsync();

        Assert.Equal(1, fixedCounts.Updated);
        row = (await Harness.StoredItemsAsync())[Key(id)];
        Assert.False(row.InQuarantine);
        Assert.Equal("Overdue", row.Flag);
        Assert.Equal("Overdue", FlagInSharePoint(id));
    }

    [Fact]
    public async Task AnInvalidItemThatWasNeverStoredLeavesNoRow()
    {
        var id = Harness.List.AddPlanItem("Utan status", Anna, LastWeek, "Väntar");

        await Harness.SyncAsync();

        Assert.DoesNotContain(Key(id), (await Harness.StoredItemsAsync()).Keys);
    }

    [Theory]
    [InlineData("10/12/2026")]
    [InlineData("12/10/2026")]
    [InlineData("10.12.2026")]
    public async Task ADayFirstOrMonthFirstDateIsQuarantinedWithTheValueQuoted(string typed)
    {
        var fields = PlanItemSeed.Fields("Inskrivet datum", Anna, LastWeek);
        fields["DueDate"] = typed;
        var id = Harness.List.Add(fields);

        var counts = await Harness.SyncAsync();
        var scan = await Harness.ScanAsync();

        Assert.Equal(1, counts.Quarantined);
        var row = Assert.Single(await Harness.QuarantineAsync());
        Assert.Equal(Key(id), row.GetString("ItemId"));
        Assert.Contains($"'{typed}'", row.GetString("Reason"), StringComparison.Ordinal);
        Assert.Equal(0, scan.NewlyOverdue);
    }

    [Fact]
    public async Task ADeleteReachesTheRowEvenWhenTheDigestMissedIt()
    {
        var id = Harness.List.AddPlanItem("Borttagen", Anna, LastWeek.AddDays(30));
        await Harness.SyncAsync("night-1");

        // A digest that is readable and marked clean, but lacks the item.
        var container = await Harness.Get<IntegrationStorage>().ContainerAsync(SyncDigestStore.Container);
        await container.GetBlobClient($"{PlanItemsModule.Source}.digest").UploadAsync(new SyncDigest().ToBinary(), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["state"] = "clean", ["since"] = Harness.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
        });

        Harness.List.Delete(id);
        var counts = await Harness.SyncAsync("night-2");

        Assert.Equal(1, counts.Deleted);
        Assert.True((await Harness.StoredItemsAsync())[Key(id)].IsDeleted);
    }

    [Fact]
    public async Task AnEditThatMovesTextBetweenTwoColumnsIsNotMissed()
    {
        var fields = PlanItemSeed.Fields("Mål", Anna, LastWeek.AddDays(30));
        fields["Goal"] = "a\u001fb";
        fields["ResponsibleBody"] = "c";
        var id = Harness.List.Add(fields);
        await Harness.SyncAsync("night-1");

        Harness.List.Update(id, new Dictionary<string, object?> { ["Goal"] = "a", ["ResponsibleBody"] = "b\u001fc" });
        var counts = await Harness.SyncAsync("night-2");

        Assert.Equal(1, counts.Updated);
        var row = (await Harness.StoredItemsAsync())[Key(id)];
        Assert.Equal(("a", "b\u001fc"), (row.Goal, row.ResponsibleBody));
    }

    [Fact]
    public async Task AnItemDeletedBeforeItsFlagIsWrittenGetsNoNotification()
    {
        var id = Harness.List.AddPlanItem("Försenad och borttagen", Anna, LastWeek);
        await Harness.SyncAsync();
        Harness.List.Delete(id);

        var scan = await Harness.ScanAsync();

        Assert.Equal(0, scan.Notifications);
        Assert.Empty(await Harness.PeekNotificationsAsync());
    }

    [Fact]
    public async Task AnItemDotNetCannotReadIsQuarantinedWithItsRawTextAndTheRestOfThePageGoesOn()
    {
        var unreadable = Harness.List.AddPlanItem("UNREADABLE-TITLE", Anna, LastWeek.AddDays(30));
        var others = Enumerable.Range(0, 6).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Omar, LastWeek.AddDays(30))).ToList();
        // An escaped lone surrogate: valid JSON text that System.Text.Json refuses to turn into a string.
        Harness.Graph.Faults.Rewrite("UNREADABLE-TITLE", "\\ud800", count: 10, pathContains: "delta");

        var counts = await Harness.SyncAsync();

        Assert.Equal((7, 6, 1), (counts.Read, counts.Created, counts.Quarantined));
        SyncAssert.Reconciles(counts);
        var stored = await Harness.StoredItemsAsync();
        Assert.All(others, id => Assert.Contains(Key(id), stored.Keys));
        var row = Assert.Single(await Harness.QuarantineAsync());
        Assert.Equal(Key(unreadable), row.GetString("ItemId"));
        Assert.Contains("cannot be read", row.GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("\\ud800", row.GetString("RawPayload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoScansAtOnceWriteEachFlagOnceAndNotifyOnce()
    {
        for (var i = 0; i < 5; i++) Harness.List.AddPlanItem($"Försenad {i}", Anna, LastWeek);
        await Harness.SyncAsync();
        Harness.Graph.Latency = TimeSpan.FromMilliseconds(50); // widens the overlap

        var scans = await Task.WhenAll(Harness.ScanAsync(), Harness.ScanAsync());

        Assert.Equal(5, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Equal(5, scans.Sum(s => s.FlagWrites));
        Assert.Equal(5, (await Harness.PeekNotificationsAsync()).Count);
    }

    [Fact]
    public async Task TwoSyncsAtOnceStoreEachItemOnce()
    {
        for (var i = 0; i < 12; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Omar, LastWeek.AddDays(30));
        Harness.Graph.Latency = TimeSpan.FromMilliseconds(20);

        var runs = await Task.WhenAll(Harness.SyncAsync("a"), Harness.SyncAsync("b"));

        Assert.Equal(12, runs.Sum(r => r.Created));
        Assert.All(runs, SyncAssert.Reconciles);
        Assert.Equal(12, (await Harness.StoredItemsAsync()).Count);
    }
}
