using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// Owners' addresses are not kept: a plan-item row names its owner by lookup id only, and the
/// SiteUsers cache keeps the people the items name, nobody else (docs/security.md).
/// </summary>
public class OwnerAddressTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly March15 = new(2027, 3, 15);

    [Fact]
    public async Task NoPlanItemRowHoldsAnAddressAfterASync()
    {
        Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, March15);
        Harness.List.AddPlanItem("Dialog med Arbetsförmedlingen", Omar, March15);

        await Harness.SyncAsync();

        var rows = await RowsAsync(TableNames.PlanItems);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain(row, p => p.Value is string text && text.Contains('@', StringComparison.Ordinal)));
        Assert.Equal([Key(Anna), Key(Omar)], rows.Select(r => r.GetString(nameof(PlanItemEntity.OwnerLookupId))).Order());
    }

    [Fact]
    public async Task ARowAnEarlierVersionWroteWithTheAddressLosesItAndKeepsTheRest()
    {
        var id = Key(Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2026, 11, 20)));
        await Harness.SyncAsync("first");
        await Harness.ScanAsync();
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.PlanItems, CancellationToken.None);
        // As the previous version stored it: the address beside the lookup id.
        await table.UpsertEntityAsync(new TableEntity(PlanItemEntity.Partition, id) { ["OwnerEmail"] = "anna.lindqvist@natverket.example" }, TableUpdateMode.Merge);
        // An earlier version kept no record of a pruning.
        await (await Harness.Get<IntegrationStorage>().TableAsync(TableNames.SiteUsers, CancellationToken.None)).DeleteEntityAsync(SiteUserCache.StatePartition, SiteUserCache.PrunedRow);
        var before = (await table.GetEntityAsync<TableEntity>(PlanItemEntity.Partition, id)).Value;

        await Harness.SyncAsync("after-upgrade");
        await Harness.ScanAsync();

        var after = (await table.GetEntityAsync<TableEntity>(PlanItemEntity.Partition, id)).Value;
        Assert.False(after.ContainsKey("OwnerEmail"));
        Assert.Equal(before.Keys.Where(k => k is not "OwnerEmail" and not "odata.etag" and not "Timestamp").Order(), after.Keys.Where(k => k is not "odata.etag" and not "Timestamp").Order());
        Assert.Equal(("Overdue", Key(Anna)), (after.GetString(nameof(PlanItemEntity.Flag)), after.GetString(nameof(PlanItemEntity.OwnerLookupId))));
    }

    [Fact]
    public async Task TheSiteUserCacheKeepsOnlyThePeopleTheItemsName()
    {
        var sven = Harness.Site.EnsureUser("Sven Ek", "sven.ek@natverket.example");
        var moved = Harness.List.AddPlanItem("Byter ägare", Omar, March15);
        Harness.List.AddPlanItem("Annas", Anna, March15);
        var svens = Harness.List.AddPlanItem("Svens, tas bort", sven, March15);
        await Harness.SyncAsync("first");
        Harness.List.Update(moved, new Dictionary<string, object?> { ["OwnerLookupId"] = Key(Anna) });
        Harness.List.Delete(svens);

        await Harness.SyncAsync("second");
        await Harness.ScanAsync();

        // Omar no longer owns anything, Sven only a deleted item, and the site's other users nothing. Of the
        // person without an address the cache keeps that word, which is nothing personal.
        var kept = await RowsAsync(TableNames.SiteUsers);
        Assert.Equal([Key(Anna)], kept.Where(r => r.GetString("Email") is not null).Select(r => r.GetString("LookupId")));
        Assert.Contains(Key(NoEmail), kept.Where(r => r.GetString("Email") is null).Select(r => r.GetString("LookupId")));
    }

    [Fact]
    public async Task AChangedItemOfAnOwnerWithoutAnAddressCostsNoLookupOnTheNextNight()
    {
        var item = Harness.List.AddPlanItem("Konsultens", NoEmail, March15);
        Harness.List.AddPlanItem("Annas", Anna, March15);
        await Harness.SyncAsync("first");
        await Harness.ScanAsync();
        Harness.List.Update(item, new Dictionary<string, object?> { ["Title"] = "Konsultens, omskriven" });
        Harness.Graph.Requests.Clear();

        var second = await Harness.SyncAsync("second");

        // Still in quarantine for the same reason, and the owner's missing address was known without asking Graph.
        Assert.Equal(1, second.Quarantined);
        Assert.Equal(0, Harness.Graph.Requests.CountByKind().UserLookup);
    }

    [Fact]
    public async Task ThePersonWithoutAnAddressIsForgottenAfterAWeek()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.SiteUsers, CancellationToken.None);
        var weekAgo = Harness.Time.GetUtcNow() - SiteUserCache.MaxAge - TimeSpan.FromHours(1);
        await table.UpsertEntityAsync(new TableEntity(SiteUserCache.Partition, Key(NoEmail)) { ["LookupId"] = Key(NoEmail), ["FetchedAt"] = weekAgo });

        await SiteUserCache.PruneAsync(Harness.Get<IntegrationStorage>(), new HashSet<string>(), Harness.Time.GetUtcNow(), CancellationToken.None);

        Assert.Empty(await RowsAsync(TableNames.SiteUsers));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<List<TableEntity>> RowsAsync(string tableName)
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(tableName, CancellationToken.None);
        var rows = new List<TableEntity>();
        // The site users' own rows, not the record of the last pruning beside them.
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey != SiteUserCache.StatePartition, cancellationToken: CancellationToken.None)) rows.Add(row);
        return rows;
    }
}
