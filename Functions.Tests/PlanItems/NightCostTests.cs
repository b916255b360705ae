using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// What a night costs SharePoint and Table storage. These counts are deterministic, so they are
/// the regression guard for the benchmark's targets (docs/performance.md); timings are not tested.
/// </summary>
public class NightCostTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const int PageSize = 5;
    private static readonly DateOnly Due = new(2027, 3, 15);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["SharePoint:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private async Task<List<int>> SeedAndSyncAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", i % 3 == 0 ? Anna : Omar, Due.AddDays(i))).ToList();
        await Harness.SyncAsync("first");
        Harness.Graph.Requests.Clear();
        Harness.TableRequests.Reset();
        return ids;
    }

    [Fact]
    public async Task AQuietNightIsOneDeltaCallAndNoTableWrite()
    {
        await SeedAndSyncAsync(40);

        var counts = await Harness.SyncAsync("quiet");

        Assert.Equal(0, counts.Read);
        Assert.Single(Harness.Graph.Requests.All);
        Assert.Equal(0, Harness.TableRequests.Writes);
    }

    [Fact]
    public async Task AQuietNightStillRenewsTheDeltaLinkOnceAWeek()
    {
        await SeedAndSyncAsync(10);
        Harness.Time.Advance(TimeSpan.FromDays(8));

        await Harness.SyncAsync("quiet-after-a-week");

        Assert.Equal(1, Harness.TableRequests.Writes);
    }

    [Fact]
    public async Task AFewChangesCostOnePagePerPageSizeChangesPlusAtMostTwo()
    {
        var ids = await SeedAndSyncAsync(60);
        Harness.List.Update(ids[3], new Dictionary<string, object?> { ["Status"] = PlanItemSeed.Done });
        Harness.List.Update(ids[17], new Dictionary<string, object?> { ["Title"] = "Nytt namn" });
        Harness.List.Delete(ids[30]);
        Harness.List.AddPlanItem("Ny aktivitet", Omar, Due);
        Harness.List.AddPlanItem("Ny aktivitet 2", Anna, Due);
        Harness.List.AddPlanItem("Ny aktivitet 3", Omar, Due);
        const int changed = 6;

        var counts = await Harness.SyncAsync("one-percent");

        Assert.Equal(changed, counts.Read);
        // Owners are known from earlier runs: no User Information List lookups.
        Assert.Equal(0, Harness.Graph.Requests.Count("GET", "User Information List"));
        Assert.InRange(Harness.Graph.Requests.All.Count, 1, (int)Math.Ceiling(changed / (double)PageSize) + 2);
        // No row is read: the digest tells new, edited and unchanged apart. Four reads remain, the
        // checkpoint, the kept site users, one query of the source's open quarantine entries and one
        // of its open data problems, since a new item may have been refused on an earlier night and a
        // deleted one may have had a problem told (a night of edits only has two).
        Assert.Equal(4, Harness.TableRequests.Reads);
        // One transaction per page of changes, plus the new delta link; no single-entity writes.
        Assert.Equal(2, Harness.TableRequests.Transactions);
        Assert.Equal(Harness.TableRequests.Transactions + 1, Harness.TableRequests.Writes);
    }

    [Fact]
    public async Task ANightOfEditsOnlyReadsNeitherQuarantineNorDataProblems()
    {
        var ids = await SeedAndSyncAsync(60);
        Harness.List.Update(ids[3], new Dictionary<string, object?> { ["Title"] = "Nytt namn" });
        Harness.List.Update(ids[17], new Dictionary<string, object?> { ["Title"] = "Ett annat namn" });

        var counts = await Harness.SyncAsync("edits");

        Assert.Equal((2, 2), (counts.Read, counts.Updated));
        // The checkpoint and the kept site users: the open problems are read only once a page shows it needs them.
        Assert.Equal(2, Harness.TableRequests.Reads);
    }

    [Fact]
    public async Task AQuietNightScanWritesNothing()
    {
        Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20));
        await Harness.SyncAsync("first");
        await Harness.ScanAsync();
        await Harness.SyncAsync("echo");
        Harness.TableRequests.Reset();
        Harness.Graph.Requests.Clear();

        await Harness.ScanAsync();

        Assert.Equal(0, Harness.TableRequests.Writes);
        Assert.Empty(Harness.Graph.Requests.All);
    }
}
