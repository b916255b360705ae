using Integration.Emulators.Graph;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The stand-in's page loops, seen through the Graph SDK: the links a faulty server hands out.</summary>
public class GraphStandInPageLoopTests : GraphStandInTest
{
    private async Task<List<(string? Next, string? Delta, int Items)>> FollowAsync(int pages)
    {
        var seen = new List<(string?, string?, int)>();
        var response = await PlanItems.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Top = 2);
        seen.Add((response!.OdataNextLink, response.OdataDeltaLink, response.Value!.Count));
        while (seen.Count < pages && response!.OdataNextLink is { } next)
        {
            response = await PlanItems.Delta.WithUrl(next).GetAsDeltaGetResponseAsync();
            seen.Add((response!.OdataNextLink, response.OdataDeltaLink, response.Value!.Count));
        }

        return seen;
    }

    [Fact]
    public async Task Same_page_points_every_answer_back_at_itself()
    {
        AddPlanItem("Ett");
        StandIn.Faults.LoopPages(PageLoop.SamePage, pathContains: "delta");

        var pages = await FollowAsync(4);

        Assert.Equal(4, pages.Count);
        Assert.All(pages, p => Assert.Null(p.Delta));
        Assert.All(pages, p => Assert.Equal(1, p.Items));
        Assert.Single(pages.Skip(1).Select(p => p.Next).Distinct());
    }

    [Fact]
    public async Task Back_to_first_goes_round_the_feed_instead_of_ending_it()
    {
        for (var i = 0; i < 3; i++) AddPlanItem($"Punkt {i}");
        StandIn.Faults.LoopPages(PageLoop.BackToFirst, pathContains: "delta");

        var pages = await FollowAsync(5);

        // Two items, then one, then the first page again by the link the first page was asked by.
        Assert.Equal([2, 1, 2, 1, 2], pages.Select(p => p.Items));
        Assert.All(pages, p => Assert.Null(p.Delta));
        Assert.Equal(pages[0].Next, pages[2].Next);
        Assert.Equal(pages[1].Next, pages[3].Next);
    }

    [Fact]
    public async Task Endless_hands_out_a_new_link_every_time_and_clear_ends_it()
    {
        AddPlanItem("Ett");
        StandIn.Faults.LoopPages(PageLoop.Endless, pathContains: "delta");

        var pages = await FollowAsync(5);
        StandIn.Faults.Clear();
        var read = await ReadDeltaAsync();

        Assert.Equal(5, pages.Select(p => p.Next).Distinct().Count());
        Assert.All(pages, p => Assert.EndsWith($"loop={pages.IndexOf(p) + 1}", p.Next, StringComparison.Ordinal));
        Assert.Single(read.Items);
        Assert.NotNull(read.DeltaLink);
    }
}
