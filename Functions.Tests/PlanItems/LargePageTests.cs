using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>Pages larger than one transaction, for both stored items and quarantine.</summary>
public class LargePageTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly Due = new(2027, 3, 15);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["SharePoint:PageSize"] = "200" };

    [Fact]
    public async Task UpdatesEveryChangedItemOfABigPage()
    {
        var ids = Enumerable.Range(0, 150).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, Due)).ToList();
        await Harness.SyncAsync("first");
        foreach (var id in ids.Take(120)) Harness.List.Update(id, new Dictionary<string, object?> { ["Title"] = $"Ändrad {id}" });

        var counts = await Harness.SyncAsync("second");

        Assert.Equal((120, 120, 0), (counts.Read, counts.Updated, counts.Created));
        var stored = await Harness.StoredItemsAsync();
        Assert.All(ids.Take(120), id => Assert.Equal($"Ändrad {id}", stored[id.ToString(System.Globalization.CultureInfo.InvariantCulture)].Title));
    }

    [Fact]
    public async Task QuarantinesMoreBadRowsThanOneTransactionHoldsAndARepeatOnce()
    {
        var bad = Enumerable.Range(0, 130).Select(i => Harness.List.AddPlanItem($"Utan datum {i}", Anna, null)).ToList();
        Harness.List.RepeatInNextDelta(bad[7]);

        var counts = await Harness.SyncAsync();

        Assert.Equal(counts.Read, counts.Quarantined);
        Assert.Equal(130, (await Harness.QuarantineAsync()).Count);
    }
}
