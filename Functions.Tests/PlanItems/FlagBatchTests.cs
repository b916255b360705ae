using Integration.Core.SharePoint.Pacing;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// The overdue flags go back to SharePoint twenty to a Graph JSON batch, through the SDK, against the stand-in's
/// <c>$batch</c>: each request's answer is its own, a throttled one is sent again alone after its Retry-After.
/// </summary>
public class FlagBatchTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const int Items = 45;
    private static readonly DateOnly LongAgo = new(2026, 6, 1);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["SharePoint:PageSize"] = "50" };

    private async Task<List<int>> SeedOverdueAsync()
    {
        var ids = Enumerable.Range(0, Items).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", i % 2 == 0 ? Anna : Omar, LongAgo.AddDays(i))).ToList();
        await Harness.SyncAsync("first");
        Harness.Graph.Requests.Clear();
        return ids;
    }

    private string? Flag(int id) => Harness.List.GetFields(id)?.GetValueOrDefault("OverdueFlag") as string;

    [Fact]
    public async Task TheFirstScanWritesItsFlagsTwentyToABatch()
    {
        var ids = await SeedOverdueAsync();

        var scan = await Harness.ScanAsync();

        Assert.Equal(Items, scan.FlagWrites);
        Assert.All(ids, id => Assert.Equal("Overdue", Flag(id)));
        var requests = Harness.Graph.Requests.CountByKind();
        Assert.Equal(3, requests.Batch);
        Assert.Equal(Items, requests.FieldsPatch);
        Assert.Equal(Items, requests.Batched);
        // Three round trips instead of forty-five; SharePoint still counts every write (2 units each).
        Assert.Equal(3, requests.Total);
        Assert.Equal(2 * Items, requests.ResourceUnits);
        Assert.Equal(Items, (await Harness.ReceiveNotificationsAsync()).Count);
    }

    [Fact]
    public async Task AThrottledWriteInABatchIsSentAgainAloneAfterItsRetryAfter()
    {
        var ids = await SeedOverdueAsync();
        var throttled = ids[7];
        Harness.Graph.Faults.Throttle(count: 1, retryAfterSeconds: 1, pathContains: $"/items/{throttled}/fields");

        var scan = await Harness.ScanAsync();

        Assert.Equal(Items, scan.FlagWrites);
        Assert.Equal(0, scan.Failures);
        Assert.Equal("Overdue", Flag(throttled));
        var attempts = Harness.Graph.Requests.All.Where(r => r.Method == "PATCH" && r.PathAndQuery.Contains($"/items/{throttled}/fields", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].Time - attempts[0].Time >= TimeSpan.FromSeconds(0.9), $"sent again after {attempts[1].Time - attempts[0].Time}");
        // The throttled write went again in a batch of its own: one more envelope, one more request in it.
        var requests = Harness.Graph.Requests.CountByKind();
        Assert.Equal(4, requests.Batch);
        Assert.Equal(Items + 1, requests.Batched);
        // Exactly one notification per item, the throttled one included.
        Assert.Equal(Items, (await Harness.ReceiveNotificationsAsync()).Count);
    }

    [Fact]
    public async Task AnItemDeletedMeanwhileIsGoneTheOthersAreFlaggedAndOnlyTheyAreTold()
    {
        var ids = await SeedOverdueAsync();
        Harness.List.Delete(ids[3]);

        var scan = await Harness.ScanAsync();

        Assert.Equal(Items - 1, scan.FlagWrites);
        Assert.Equal(0, scan.Failures);
        Assert.All(ids.Where(id => id != ids[3]), id => Assert.Equal("Overdue", Flag(id)));
        var told = await Harness.ReceiveNotificationsAsync();
        Assert.Equal(Items - 1, told.Count);
        Assert.DoesNotContain(told, n => n.ItemId == ids[3].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AWriteSharePointRefusesIsAFailureAndTheNextScanWritesIt()
    {
        var ids = await SeedOverdueAsync();
        Harness.Graph.Faults.Fail(count: 1, status: 500, pathContains: $"/items/{ids[5]}/fields");

        var first = await Harness.ScanAsync();
        var second = await Harness.ScanAsync();

        Assert.Equal(Items - 1, first.FlagWrites);
        Assert.Equal(1, first.Failures);
        Assert.Equal(1, second.FlagWrites);
        Assert.Equal("Overdue", Flag(ids[5]));
        Assert.Equal(Items, (await Harness.ReceiveNotificationsAsync()).Count);
    }

    [Fact]
    public async Task TheUnitsTheNightCountsAreTheUnitsSharePointCharges()
    {
        await SeedOverdueAsync();
        var budget = Harness.Get<ResourceUnitBudget>();
        var before = budget.UnitsSpent;

        await Harness.ScanAsync();

        Assert.Equal(Harness.Graph.Requests.CountByKind().ResourceUnits, budget.UnitsSpent - before);
    }
}
