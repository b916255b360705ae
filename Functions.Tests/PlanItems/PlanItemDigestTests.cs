using System.Globalization;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// The sync compares changed items with the digest instead of reading their rows. These tests
/// show it still stores exactly what SharePoint holds after a crash, a lost digest, the scan's
/// own writes, an emptied column and a restore from the recycle bin.
/// </summary>
public class PlanItemDigestTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly March15 = new(2027, 3, 15);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<Azure.Storage.Blobs.BlobClient> DigestBlobAsync()
    {
        var container = await Harness.Get<IntegrationStorage>().ContainerAsync(SyncDigestStore.Container);
        return container.GetBlobClient($"{PlanItemsModule.Source}.digest");
    }

    private async Task<string> DigestStateAsync() => (await (await DigestBlobAsync()).GetPropertiesAsync()).Value.Metadata["state"];

    [Fact]
    public async Task ANightWithChangesReadsNoPlanItemRows()
    {
        var ids = Enumerable.Range(0, 20).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15)).ToList();
        await Harness.SyncAsync("run-1");
        foreach (var id in ids.Take(12)) Harness.List.Update(id, new Dictionary<string, object?> { ["Title"] = $"Ändrad {id}" });
        Harness.TableRequests.Reset();

        var counts = await Harness.SyncAsync("run-2");

        Assert.Equal(12, counts.Updated);
        // The checkpoint and the kept site users; not one read per changed item.
        Assert.Equal(2, Harness.TableRequests.Reads);
        Assert.Equal("clean", await DigestStateAsync());
    }

    [Fact]
    public async Task ARunThatFailsAfterStoringSomeRowsLeavesTheDigestToBeRebuilt()
    {
        var ids = Enumerable.Range(0, 10).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15)).ToList();
        await Harness.SyncAsync("run-1");

        // The first page (five items, Anna's) is stored, then the second page's unknown owner
        // cannot be looked up and the run fails.
        Harness.List.Update(ids[0], new Dictionary<string, object?> { ["Title"] = "Ändrad" });
        for (var i = 0; i < 4; i++) Harness.List.AddPlanItem($"Ny {i}", Anna, March15);
        var karin = Harness.Site.EnsureUser("Karin Berg", "karin.berg@natverket.example");
        Harness.List.AddPlanItem("Karins", karin, March15);
        Harness.Graph.Faults.Fail(1, 500, pathContains: $"User Information List/items/{karin}");
        await Assert.ThrowsAnyAsync<Exception>(() => Harness.SyncAsync("run-2"));
        Assert.Equal("Ändrad", (await Harness.StoredItemsAsync())[Key(ids[0])].Title);
        Assert.Equal("writing", await DigestStateAsync());

        // Meanwhile the edit is undone in SharePoint: the item is back to what the saved digest
        // says, but not to what its row says. A trusted old digest would skip it.
        Harness.List.Update(ids[0], new Dictionary<string, object?> { ["Title"] = "Aktivitet 0" });
        var retry = await Harness.SyncAsync("run-3");

        Assert.Equal("Aktivitet 0", (await Harness.StoredItemsAsync())[Key(ids[0])].Title);
        // The four new items the failed run stored are found in the rebuilt digest.
        Assert.Equal((1, 4, 1), (retry.Updated, retry.Unchanged, retry.Created));
        // The failed run's mark is minutes old; it might still be writing, so nobody saves yet.
        Assert.Equal("writing", await DigestStateAsync());

        Harness.Time.Advance(TimeSpan.FromHours(1));
        Harness.List.Update(ids[1], new Dictionary<string, object?> { ["Title"] = "Nästa natt" });
        await Harness.SyncAsync("run-4");
        Assert.Equal("clean", await DigestStateAsync());
    }

    [Fact]
    public async Task ALostDigestIsRebuiltFromTheTable()
    {
        var ids = Enumerable.Range(0, 6).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, March15)).ToList();
        await Harness.SyncAsync("run-1");
        await (await DigestBlobAsync()).DeleteAsync();

        Harness.List.Update(ids[0], new Dictionary<string, object?> { ["Title"] = "Ändrad" });
        Harness.List.Delete(ids[1]);
        Harness.List.RepeatInNextDelta(ids[2]);
        var added = Harness.List.AddPlanItem("Ny", Omar, March15);
        var counts = await Harness.SyncAsync("run-2");

        Assert.Equal((1, 1, 1, 1), (counts.Created, counts.Updated, counts.Unchanged, counts.Deleted));
        var stored = await Harness.StoredItemsAsync();
        Assert.True(stored[Key(ids[1])].IsDeleted);
        Assert.Equal("Ny", stored[Key(added)].Title);
        Assert.Equal("clean", await DigestStateAsync());
    }

    [Fact]
    public async Task ADigestThatIsNotOneOfOursIsRebuilt()
    {
        var id = Harness.List.AddPlanItem("Aktivitet", Anna, March15);
        await Harness.SyncAsync("run-1");
        await (await DigestBlobAsync()).UploadAsync(BinaryData.FromString("garbage"), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { ["state"] = "clean" } });

        Harness.List.Update(id, new Dictionary<string, object?> { ["Title"] = "Ändrad" });
        var counts = await Harness.SyncAsync("run-2");

        Assert.Equal(1, counts.Updated);
        Assert.Equal("clean", await DigestStateAsync());
    }

    [Fact]
    public async Task AnEditKeepsTheScansOwnColumns()
    {
        var id = Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20));
        await Harness.SyncAsync("run-1");
        await Harness.ScanAsync();
        await Harness.SyncAsync("echo");
        var flagged = (await Harness.StoredItemsAsync())[Key(id)];

        Harness.List.Update(id, new Dictionary<string, object?> { ["Title"] = "Försenad, nytt namn" });
        var counts = await Harness.SyncAsync("run-2");

        var stored = (await Harness.StoredItemsAsync())[Key(id)];
        Assert.Equal(1, counts.Updated);
        Assert.Equal("Försenad, nytt namn", stored.Title);
        Assert.Equal("Overdue", stored.Flag);
        Assert.Equal("Overdue", stored.SharePointFlag);
        Assert.NotNull(stored.NotifiedEvent);
        Assert.Equal(flagged.NotifiedEvent, stored.NotifiedEvent);
        Assert.Equal(flagged.FlagChangedAt, stored.FlagChangedAt);
        Assert.Equal(0, (await Harness.ScanAsync()).FlagWrites);
    }

    [Fact]
    public async Task TheScanUpdatesTheDigestSoTheEchoOfItsWritesIsKnownWithoutARebuild()
    {
        Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20));
        Harness.List.AddPlanItem("Snart", Omar, new DateOnly(2026, 11, 30));
        await Harness.SyncAsync("run-1");

        var scan = await Harness.ScanAsync();
        Assert.Equal(2, scan.FlagWrites);
        Assert.Equal("clean", await DigestStateAsync());

        Harness.TableRequests.Reset();
        var echo = await Harness.SyncAsync("echo");

        Assert.Equal((2, 2), (echo.Read, echo.Unchanged));
        // The checkpoint, the kept site users, and the new delta link: no rebuild query, no row write.
        Assert.Equal(2, Harness.TableRequests.Reads);
        Assert.Equal(1, Harness.TableRequests.Writes);
    }

    [Fact]
    public async Task AnEmptiedColumnIsEmptiedInTheTable()
    {
        var id = Harness.List.AddPlanItem("Aktivitet", Anna, March15);
        await Harness.SyncAsync("run-1");

        Harness.List.Update(id, new Dictionary<string, object?> { ["Goal"] = null, ["CaseNumber"] = null });
        await Harness.SyncAsync("run-2");

        var stored = (await Harness.StoredItemsAsync())[Key(id)];
        Assert.Null(stored.Goal);
        Assert.Null(stored.CaseNumber);
        Assert.Equal("Arbetsmarknadsnämnden", stored.ResponsibleBody);
    }

    [Fact]
    public async Task AnItemBackFromTheRecycleBinGetsAFreshRow()
    {
        var id = Harness.List.AddPlanItem("Aktivitet", Anna, March15);
        await Harness.SyncAsync("run-1");
        Harness.List.Delete(id);
        var deleted = await Harness.SyncAsync("run-2");
        Assert.True((await Harness.StoredItemsAsync())[Key(id)].IsDeleted);

        Harness.List.Restore(id, PlanItemSeed.Fields("Aktivitet", Anna, March15));
        var restored = await Harness.SyncAsync("run-3");

        Assert.Equal(1, deleted.Deleted);
        Assert.Equal(1, restored.Updated);
        var stored = (await Harness.StoredItemsAsync())[Key(id)];
        Assert.False(stored.IsDeleted);
        Assert.Null(stored.DeletedAt);
        Assert.Equal("Aktivitet", stored.Title);
    }
}
