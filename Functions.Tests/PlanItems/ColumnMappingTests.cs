using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>When the sync checks the configured columns against the list, and what that costs SharePoint.</summary>
public class ColumnMappingTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly Due = new(2027, 3, 15);

    private int Columns => Harness.Graph.Requests.Count("GET", "/columns");

    private async Task<List<int>> SeedAndSyncAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", Anna, Due.AddDays(i))).ToList();
        await Harness.SyncAsync("first");
        Harness.Graph.Requests.Clear();
        return ids;
    }

    [Fact]
    public async Task AFullSyncChecksTheColumnsWithOneRequest()
    {
        for (var i = 0; i < 12; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Omar, Due);

        var counts = await Harness.SyncAsync();

        Assert.Equal(12, counts.Created);
        Assert.Equal(1, Columns);
    }

    [Fact]
    public async Task AQuietNightSendsNoColumnsRequest()
    {
        await SeedAndSyncAsync(10);

        await Harness.SyncAsync("quiet");

        Assert.Equal(0, Columns);
        Assert.Single(Harness.Graph.Requests.All);
    }

    [Fact]
    public async Task AChangedNightWhoseItemsHaveTheirColumnsSendsNoColumnsRequest()
    {
        var ids = await SeedAndSyncAsync(10);
        // Goal and OverdueFlag are empty on every changed item: optional columns prove nothing.
        Harness.List.Update(ids[2], new Dictionary<string, object?> { ["Title"] = "Nytt namn", ["Goal"] = null });
        Harness.List.AddPlanItem("Ny aktivitet", Omar, Due);

        var counts = await Harness.SyncAsync("changed");

        Assert.Equal(2, counts.Read);
        Assert.Equal(0, Columns);
    }

    [Fact]
    public async Task AnIncrementalNightWhosePagesLackADueDateEverywhereChecksOnce()
    {
        var ids = await SeedAndSyncAsync(10);
        // Seven changed items without a due date: two pages of five, each lacking the column on every item.
        foreach (var id in ids.Take(7)) Harness.List.Update(id, new Dictionary<string, object?> { ["DueDate"] = null });

        var counts = await Harness.SyncAsync("cleared");

        Assert.Equal(1, Columns);
        Assert.Equal(7, counts.Quarantined);
    }

    [Fact]
    public async Task ARunThatResyncsAfterAnExpiredTokenChecksOnce()
    {
        await SeedAndSyncAsync(3);
        Harness.List.ExpireDeltaTokens();

        await Harness.SyncAsync("resync");

        Assert.Equal(1, Columns);
    }
}

/// <summary>A typo in a column setting: the sync fails naming the setting, and nothing is stored or quarantined.</summary>
public class MisnamedColumnTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Fields:PlanItems:DueDate"] = "Slutdatumm",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SlutdatumSite.Use(Harness.List);
        for (var i = 0; i < 7; i++) Harness.List.Add(SlutdatumSite.Fields($"Aktivitet {i}", Anna, new DateOnly(2027, 3, 15)));
    }

    [Fact]
    public async Task TheSyncFailsNamingTheSettingTheColumnAndTheClosestName()
    {
        var error = await Assert.ThrowsAsync<ColumnMappingException>(() => Harness.SyncAsync());

        Assert.Contains("SharePoint__Fields__PlanItems__DueDate is 'Slutdatumm'", error.Message, StringComparison.Ordinal);
        Assert.Contains("the closest is 'Slutdatum'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Harness.StoredItemsAsync());
        Assert.Empty(await Harness.QuarantineAsync());
        Assert.Null(await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None));
        Assert.Equal(1, Harness.Graph.Requests.Count("GET", "/columns"));
    }

    [Fact]
    public async Task EveryRunFailsUntilTheSettingIsFixed()
    {
        await Assert.ThrowsAsync<ColumnMappingException>(() => Harness.SyncAsync("first"));
        await Assert.ThrowsAsync<ColumnMappingException>(() => Harness.SyncAsync("second"));

        Assert.Empty(await Harness.StoredItemsAsync());
    }
}

/// <summary>The same list with the setting right: the site's own internal name works.</summary>
public class RenamedColumnTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Fields:PlanItems:DueDate"] = "Slutdatum",
    };

    [Fact]
    public async Task TheSyncReadsTheDueDateFromTheSitesColumn()
    {
        SlutdatumSite.Use(Harness.List);
        var id = Harness.List.Add(SlutdatumSite.Fields("Kartlägga stadens inköp", Anna, new DateOnly(2027, 3, 15)));

        var counts = await Harness.SyncAsync();

        Assert.Equal((1, 0), (counts.Created, counts.Quarantined));
        Assert.Equal("2027-03-15", (await Harness.StoredItemsAsync())[id.ToString(System.Globalization.CultureInfo.InvariantCulture)].DueDate);
        Assert.Equal(1, Harness.Graph.Requests.Count("GET", "/columns"));
    }
}

/// <summary>A site whose due-date column has the internal name Slutdatum.</summary>
internal static class SlutdatumSite
{
    public static void Use(SharePointList list) => list.DefineColumn("Slutdatum", "Slutdatum", ColumnType.DateOnly);

    public static Dictionary<string, object?> Fields(string title, int owner, DateOnly due)
    {
        var fields = PlanItemSeed.Fields(title, owner, due);
        fields["Slutdatum"] = fields[PlanItemColumns.DueDate];
        fields.Remove(PlanItemColumns.DueDate);
        return fields;
    }
}
