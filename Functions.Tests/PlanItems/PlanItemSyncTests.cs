using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>The plan-item sync through the real Graph SDK against the stand-in, into Azurite.</summary>
public class PlanItemSyncTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly March15 = new(2027, 3, 15);

    [Fact]
    public async Task FirstSyncStoresEveryItemWithItsFieldsResolved()
    {
        var id = Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, March15);
        for (var i = 0; i < 11; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Omar, March15.AddDays(i));

        var counts = await Harness.SyncAsync();

        Assert.Equal(12, counts.Read);
        Assert.Equal(12, counts.Created);
        SyncAssert.Reconciles(counts);
        var stored = (await Harness.StoredItemsAsync())[id.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal("Kartlägga stadens inköp", stored.Title);
        Assert.Equal(Anna.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.OwnerLookupId);
        Assert.Equal("2027-03-15", stored.DueDate); // stored by SharePoint as 2027-03-14T23:00:00Z
        Assert.Equal(nameof(PlanItemStatus.InProgress), stored.Status);
        Assert.Equal("AMN 2015-0340-01.02", stored.CaseNumber);
        Assert.Equal("Arbetsmarknadsnämnden", stored.ResponsibleBody);
    }

    [Fact]
    public async Task TextInAnyScriptPassesThroughUnharmed()
    {
        const string title = "Möte om **mål 3** – معلومات للشركات 🌱 <b>&amp;</b> `kod`";
        var id = Harness.List.Add(PlanItemSeed.Fields(title, Anna, March15, body: "Samordningsförbundet Stockholms stad ✓"));

        await Harness.SyncAsync();

        var stored = (await Harness.StoredItemsAsync())[id.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal(title, stored.Title);
        Assert.Equal("Samordningsförbundet Stockholms stad ✓", stored.ResponsibleBody);
    }

    [Fact]
    public async Task AFullSyncListsTheSiteUsersInsteadOfAskingPerOwner()
    {
        for (var i = 0; i < 10; i++) Harness.List.AddPlanItem($"Aktivitet {i}", i % 2 == 0 ? Anna : Omar, March15);

        await Harness.SyncAsync();

        Assert.Equal(0, Harness.Graph.Requests.Count("GET", "User Information List/items/"));
        Assert.Equal(1, Harness.Graph.Requests.Count("GET", "User Information List/items?"));
    }

    [Fact]
    public async Task ANewOwnerIsLookedUpOnceAndKeptForLaterRuns()
    {
        Harness.List.AddPlanItem("Första", Anna, March15);
        await Harness.SyncAsync("run-1");
        var karin = Harness.Site.EnsureUser("Karin Berg", "karin.berg@natverket.example");
        for (var i = 0; i < 3; i++) Harness.List.AddPlanItem($"Karins {i}", karin, March15);

        await Harness.SyncAsync("run-2");
        Harness.List.AddPlanItem("Karins nästa", karin, March15);
        await Harness.SyncAsync("run-3");

        Assert.Equal(1, Harness.Graph.Requests.Count("GET", $"User Information List/items/{karin}"));
        Assert.Equal(karin.ToString(System.Globalization.CultureInfo.InvariantCulture), (await Harness.StoredItemsAsync()).Values.First(e => e.Title == "Karins nästa").OwnerLookupId);
    }

    [Fact]
    public async Task BadRowsGoToQuarantineAndTheRunGoesOn()
    {
        var good = Harness.List.AddPlanItem("Bra rad", Anna, March15);
        var noDue = Harness.List.AddPlanItem("Saknar slutdatum", Anna, null);
        var badDue = Harness.List.Add(new Dictionary<string, object?>(PlanItemSeed.Fields("Konstigt datum", Anna, March15)) { ["DueDate"] = "snart" });
        var badStatus = Harness.List.AddPlanItem("Okänd status", Anna, March15, "Väntar");
        var noEmail = Harness.List.AddPlanItem("Ägare utan e-post", NoEmail, March15);
        var longTitle = Harness.List.AddPlanItem(new string('å', 300), Anna, March15);

        var counts = await Harness.SyncAsync();

        Assert.Equal(6, counts.Read);
        Assert.Equal(1, counts.Created);
        Assert.Equal(5, counts.Quarantined);
        SyncAssert.Reconciles(counts);
        Assert.Equal([good.ToString(System.Globalization.CultureInfo.InvariantCulture)], (await Harness.StoredItemsAsync()).Keys);

        var quarantine = (await Harness.QuarantineAsync()).ToDictionary(r => int.Parse(r.GetString("ItemId"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Due date", quarantine[noDue].GetString("Reason"));
        Assert.Contains("'snart' is not a date", quarantine[badDue].GetString("Reason"));
        Assert.Contains("'Väntar'", quarantine[badStatus].GetString("Reason"));
        Assert.Contains("no email", quarantine[noEmail].GetString("Reason"));
        Assert.Contains("300 characters", quarantine[longTitle].GetString("Reason"));
        Assert.Contains("Väntar", quarantine[badStatus].GetString("RawPayload"));
        Assert.All(quarantine.Values, r => Assert.Equal(PlanItemsModule.Source, r.PartitionKey));
    }

    [Fact]
    public async Task NextRunReadsOnlyWhatChanged()
    {
        var ids = Enumerable.Range(0, 12).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15)).ToList();
        await Harness.SyncAsync("run-1");

        Harness.List.Update(ids[0], new Dictionary<string, object?> { ["Status"] = PlanItemSeed.Done });
        Harness.List.Delete(ids[1]);
        var added = Harness.List.AddPlanItem("Ny aktivitet", Omar, March15);
        var counts = await Harness.SyncAsync("run-2");

        Assert.Equal(3, counts.Read);
        Assert.Equal(1, counts.Updated);
        Assert.Equal(1, counts.Deleted);
        Assert.Equal(1, counts.Created);
        SyncAssert.Reconciles(counts);
        var stored = await Harness.StoredItemsAsync();
        Assert.Equal(nameof(PlanItemStatus.Done), stored[ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)].Status);
        Assert.True(stored[ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture)].IsDeleted);
        Assert.True(stored.ContainsKey(added.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ASecondRunWithNoChangeWritesNothing()
    {
        for (var i = 0; i < 7; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15);
        await Harness.SyncAsync("run-1");
        var before = (await Harness.StoredItemsAsync()).ToDictionary(e => e.Key, e => e.Value.ETag);

        var counts = await Harness.SyncAsync("run-2");

        Assert.Equal(0, counts.Read);
        Assert.Equal(before, (await Harness.StoredItemsAsync()).ToDictionary(e => e.Key, e => e.Value.ETag));
    }

    [Fact]
    public async Task ARepeatedItemIsTakenOnceWithTheLastStateWinning()
    {
        var ids = Enumerable.Range(0, 8).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15)).ToList();
        Harness.List.RepeatInNextDelta(ids[2]);

        var counts = await Harness.SyncAsync();

        SyncAssert.Reconciles(counts);
        Assert.Equal(8, counts.Created);
        Assert.Equal(8, (await Harness.StoredItemsAsync()).Count);
    }

    [Fact]
    public async Task AnExpiredTokenMeansAFullResyncThatTombstonesWhatIsGone()
    {
        var ids = Enumerable.Range(0, 6).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15)).ToList();
        await Harness.SyncAsync("run-1");

        Harness.List.ExpireDeltaTokens();
        Harness.List.Delete(ids[3]);
        Harness.List.Update(ids[4], new Dictionary<string, object?> { ["Title"] = "Omdöpt" });
        var counts = await Harness.SyncAsync("run-2");

        SyncAssert.Reconciles(counts);
        Assert.Equal(1, counts.Deleted);
        Assert.Equal(1, counts.Updated);
        Assert.Equal(4, counts.Unchanged);
        var stored = await Harness.StoredItemsAsync();
        Assert.True(stored[ids[3].ToString(System.Globalization.CultureInfo.InvariantCulture)].IsDeleted);
        Assert.Equal("Omdöpt", stored[ids[4].ToString(System.Globalization.CultureInfo.InvariantCulture)].Title);

        // The resync saved a fresh token: the next run is incremental again.
        Assert.Equal(0, (await Harness.SyncAsync("run-3")).Read);
    }

    [Fact]
    public async Task AResyncOfAnEmptyListStillSavesTheNewLink()
    {
        await Harness.SyncAsync("run-1");
        Harness.List.ExpireDeltaTokens();
        await Harness.SyncAsync("run-2");
        Harness.Graph.Requests.Clear();

        await Harness.SyncAsync("run-3");

        Assert.DoesNotContain(Harness.Graph.Requests.All, r => r.Status == 410);
    }

    [Fact]
    public async Task ThrottlingIsRetriedAfterRetryAfterAndTheRunCompletes()
    {
        for (var i = 0; i < 12; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15);
        Harness.Graph.Faults.Throttle(2, retryAfterSeconds: 1, status: 429, pathContains: "delta");
        Harness.Graph.Faults.Throttle(1, retryAfterSeconds: 1, status: 503, pathContains: "User Information List");

        var counts = await Harness.SyncAsync();

        Assert.Equal(12, counts.Created);
        Assert.Contains(Harness.Graph.Requests.All, r => r.Status == 429);
        Assert.Contains(Harness.Graph.Requests.All, r => r.Status == 503);
    }

    [Fact]
    public async Task AFailedRunSavesNoCheckpointAndTheNextRunRedoesTheWork()
    {
        for (var i = 0; i < 12; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15);
        await Harness.SyncAsync("run-1");
        var checkpoint = await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None);
        // A new owner, unknown to the kept site users, owns the items from the second page on.
        var karin = Harness.Site.EnsureUser("Karin Berg", "karin.berg@natverket.example");
        for (var i = 0; i < 12; i++) Harness.List.AddPlanItem($"Ny {i}", i < 5 ? Anna : karin, March15);

        // Pages hold five items: the first page (Anna's) is stored, then looking up the owner on
        // the second page fails with a server error, which is not retried.
        Harness.Graph.Faults.Fail(1, 500, pathContains: $"User Information List/items/{karin}");
        await Assert.ThrowsAnyAsync<Exception>(() => Harness.SyncAsync("run-2"));
        Assert.Equal(checkpoint, await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None));
        Assert.Equal(17, (await Harness.StoredItemsAsync()).Count);

        var counts = await Harness.SyncAsync("run-3");

        SyncAssert.Reconciles(counts);
        Assert.Equal(12, counts.Read);
        Assert.Equal(5, counts.Unchanged);
        Assert.Equal(7, counts.Created);
        Assert.Equal(24, (await Harness.StoredItemsAsync()).Count);
    }
}
