using System.Globalization;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The stand-in as a child process, seeded and mutated over its control API and read with the real Graph SDK.</summary>
public sealed class GraphStandInProcessTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    // Properties, not fields: xUnit's IAsyncLifetime disposes them, which CA1001 cannot see.
    private HttpClient HttpClient { get; set; } = null!;

    private GraphStandInProcess StandIn { get; set; } = null!;

    private GraphServiceClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        StandIn = await GraphStandInProcess.StartAsync();
        HttpClient = GraphClientFactory.Create();
        Client = new GraphServiceClient(HttpClient, new AnonymousAuthenticationProvider(), StandIn.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        HttpClient.Dispose();
        await StandIn.DisposeAsync();
    }

    [Fact]
    public async Task Seeded_items_are_served_over_graph_and_all_come_in_the_first_delta()
    {
        var seeded = await StandIn.Control.SeedPlanItemsAsync(1_000, seed: 42, Today, owners: 50);

        var site = await Client.Sites[seeded.SiteId].GetAsync();
        var list = await Client.Sites[seeded.SiteId].Lists[PlanItemGenerator.ListName].GetAsync();
        var read = await ReadDeltaAsync(Items(seeded));

        Assert.Equal(1_000, seeded.Count);
        Assert.Equal("https://stockholm.sharepoint.com/sites/wise-natverket", site!.WebUrl);
        Assert.Equal(seeded.ListId, list!.Id);
        Assert.Equal(1_000, read.Items.Select(i => i.Id).Distinct().Count());
        Assert.All(read.Items, i => Assert.False(string.IsNullOrEmpty(Field(i, "Title"))));
        Assert.StartsWith(StandIn.BaseUrl.ToString(), read.DeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_changes_the_expected_counts_and_the_next_delta_brings_exactly_them()
    {
        var seeded = await StandIn.Control.SeedPlanItemsAsync(1_000, seed: 42, Today, owners: 50);
        var initial = await ReadDeltaAsync(Items(seeded));

        var mutation = await StandIn.Control.MutatePlanItemsAsync(0.1, seed: 7, Today.AddDays(1));
        var changes = await ReadDeltaAsync(Items(seeded), initial.DeltaLink);

        Assert.Equal(new MutationResult(Edited: 60, Deleted: 20, Added: 20), mutation);
        var deleted = changes.Items.Where(i => i.Deleted is not null).ToList();
        var present = changes.Items.Where(i => i.Deleted is null).ToList();
        Assert.Equal(mutation.Deleted, deleted.Count);
        Assert.All(deleted, i => Assert.Equal("deleted", i.Deleted!.State));
        Assert.Equal(mutation.Edited + mutation.Added, present.Count);
        var initialIds = initial.Items.Select(i => i.Id).ToHashSet();
        Assert.Equal(mutation.Added, present.Count(i => !initialIds.Contains(i.Id)));
        Assert.All(deleted, i => Assert.Contains(i.Id, initialIds));
        Assert.Equal(mutation.Changed, changes.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task Requests_are_counted_by_kind_without_the_control_requests()
    {
        var seeded = await StandIn.Control.SeedPlanItemsAsync(450, seed: 1, Today, owners: 10);
        var untouched = await StandIn.Control.GetRequestCountsAsync();

        await Client.Sites[seeded.SiteId].GetAsync();
        await Client.Sites[seeded.SiteId].Lists[seeded.ListId].GetAsync();
        var read = await ReadDeltaAsync(Items(seeded));
        await Items(seeded)["1"].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        var owner = Field(read.Items[0], "OwnerLookupId")!;
        await Client.Sites[seeded.SiteId].Lists["User Information List"].Items[owner].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        await Items(seeded).GetAsync(rc => rc.QueryParameters.Top = 300);
        await Items(seeded)["2"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["OverdueFlag"] = "Overdue" } });
        var counts = await StandIn.Control.GetRequestCountsAsync();
        await StandIn.Control.ClearRequestsAsync();
        var cleared = await StandIn.Control.GetRequestCountsAsync();

        Assert.Equal(RequestCounts.None, untouched);
        // 450 items at the default page size of 200: three delta pages.
        // Units: delta 2 + 1 + 1, the listing and the PATCH 2 each, the four single reads 1 each.
        Assert.Equal(new RequestCounts(Delta: 3, Items: 1, Item: 1, FieldsPatch: 1, List: 1, Site: 1, UserLookup: 1, Other: 0, ResourceUnits: 12), counts);
        Assert.Equal(9, counts.Total);
        Assert.Equal(3, counts.ByKind["delta"]);
        Assert.Equal(0, cleared.Total);
    }

    [Fact]
    public async Task Process_is_gone_after_dispose()
    {
        var id = StandIn.ProcessId;
        using (var running = System.Diagnostics.Process.GetProcessById(id))
        {
            Assert.False(running.HasExited);
        }

        await StandIn.DisposeAsync();

        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(id));
        await Assert.ThrowsAsync<HttpRequestException>(() => HttpClient.GetAsync(StandIn.BaseUrl));
    }

    private ItemsRequestBuilder Items(SeedResult seeded) => Client.Sites[seeded.SiteId].Lists[seeded.ListId].Items;

    private static async Task<(List<ListItem> Items, string DeltaLink)> ReadDeltaAsync(ItemsRequestBuilder items, string? deltaLink = null)
    {
        var page = deltaLink is null
            ? await items.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Expand = ["fields"])
            : await items.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync();
        var all = new List<ListItem>(page!.Value!);
        while (page!.OdataNextLink is { } next)
        {
            page = await items.Delta.WithUrl(next).GetAsDeltaGetResponseAsync();
            all.AddRange(page!.Value!);
        }

        return (all, page.OdataDeltaLink!);
    }

    private static string? Field(ListItem item, string name) =>
        item.Fields?.AdditionalData.TryGetValue(name, out var value) == true
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;
}
