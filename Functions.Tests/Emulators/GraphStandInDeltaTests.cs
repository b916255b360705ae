using System.Net;
using System.Text.Json;
using System.Web;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInDeltaTests : GraphStandInTest
{
    [Fact]
    public async Task Delta_link_brings_only_changes_and_deletions()
    {
        var keep = AddPlanItem("Oförändrad");
        var change = AddPlanItem("Före");
        var remove = AddPlanItem("Tas bort");
        var initial = await ReadDeltaAsync(top: 2);

        Plan.Update(change, new Dictionary<string, object?> { ["Title"] = "Efter" });
        Plan.Delete(remove);
        var changes = await ReadDeltaAsync(initial.DeltaLink);

        Assert.Equal(2, initial.Pages.Count);
        Assert.Equal(new[] { keep, change, remove }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), initial.Items.Select(i => i.Id));
        Assert.All(initial.Items, i => Assert.Null(i.Deleted));
        Assert.Equal(2, changes.Items.Count);
        var changed = changes.Items.Single(i => i.Deleted is null);
        Assert.Equal("Efter", Field(changed, "Title"));
        var deleted = changes.Items.Single(i => i.Deleted is not null);
        Assert.Equal(remove.ToString(System.Globalization.CultureInfo.InvariantCulture), deleted.Id);
        Assert.Equal("deleted", deleted.Deleted!.State);
        Assert.Null(deleted.Fields);
    }

    [Fact]
    public async Task An_item_restored_from_the_recycle_bin_comes_back_live_under_its_id()
    {
        var item = AddPlanItem("Återställd");
        Plan.Delete(item);
        var afterDelete = await ReadDeltaAsync();

        Plan.Restore(item, new Dictionary<string, object?> { ["Title"] = "Återställd" });
        var changes = await ReadDeltaAsync(afterDelete.DeltaLink);

        Assert.Empty(afterDelete.Items);
        var restored = Assert.Single(changes.Items);
        Assert.Equal(item.ToString(System.Globalization.CultureInfo.InvariantCulture), restored.Id);
        Assert.Null(restored.Deleted);
        Assert.Equal("Återställd", Field(restored, "Title"));
        Assert.Throws<InvalidOperationException>(() => Plan.Restore(item, new Dictionary<string, object?>()));
    }

    [Fact]
    public async Task Delta_link_with_no_change_answers_an_empty_page_and_a_new_link()
    {
        AddPlanItem("Ett");
        var initial = await ReadDeltaAsync();

        var again = await ReadDeltaAsync(initial.DeltaLink);

        Assert.Empty(again.Items);
        Assert.StartsWith(StandIn.BaseUrl.ToString(), again.DeltaLink, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delta(token='{0}')")]
    [InlineData("microsoft.graph.delta(token='{0}')")]
    [InlineData("delta?token={0}")]
    [InlineData("delta()?token={0}")]
    public async Task Token_is_accepted_in_every_documented_form(string form)
    {
        AddPlanItem("Ett");
        var initial = await ReadDeltaAsync();
        var changed = AddPlanItem("Två");
        var token = HttpUtility.ParseQueryString(new Uri(initial.DeltaLink).Query)["token"]!;

        var url = $"{StandIn.BaseUrl}/sites/{Uri.EscapeDataString(Site.Id)}/lists/{Plan.Id}/items/"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, form, token);
        using var page = JsonDocument.Parse(await Raw.GetStringAsync(new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "%24expand=fields")));

        var value = page.RootElement.GetProperty("value");
        Assert.Equal(1, value.GetArrayLength());
        Assert.Equal(changed.ToString(System.Globalization.CultureInfo.InvariantCulture), value[0].GetProperty("id").GetString());
        Assert.Equal("Två", value[0].GetProperty("fields").GetProperty("Title").GetString());
        Assert.True(page.RootElement.TryGetProperty("@odata.deltaLink", out _));
    }

    [Theory]
    [InlineData("delta")]
    [InlineData("delta()")]
    [InlineData("microsoft.graph.delta()")]
    public async Task Initial_delta_is_accepted_in_every_documented_form(string form)
    {
        AddPlanItem("Ett");

        using var page = JsonDocument.Parse(await Raw.GetStringAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}/lists/Action%20Plan/items/{form}")));

        Assert.Equal(1, page.RootElement.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Expired_token_answers_410_resync_required_with_a_fresh_start_in_location()
    {
        AddPlanItem("Ett");
        var initial = await ReadDeltaAsync();
        Plan.ExpireDeltaTokens();

        var error = await Assert.ThrowsAsync<ODataError>(() => ReadDeltaAsync(initial.DeltaLink));
        using var raw = await Raw.GetAsync(new Uri(initial.DeltaLink));

        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal("resyncRequired", error.Error!.Code);
        Assert.Equal(HttpStatusCode.Gone, raw.StatusCode);
        Assert.DoesNotContain("token=", raw.Headers.Location!.ToString(), StringComparison.Ordinal);
        var restart = await ReadDeltaAsync(raw.Headers.Location.ToString());
        Assert.Single(restart.Items);
    }

    [Fact]
    public async Task Repeated_item_comes_twice_on_different_pages_and_the_last_occurrence_is_current()
    {
        for (var i = 1; i <= 5; i++)
        {
            AddPlanItem($"Aktivitet {i}");
        }

        Plan.RepeatInNextDelta(3);
        var read = await ReadDeltaAsync(top: 2);

        var pagesWithItem3 = read.Pages.Where(p => p.Any(i => i.Id == "3")).ToList();
        Assert.Equal(6, read.Items.Count);
        Assert.Equal(2, pagesWithItem3.Count);
        Assert.Equal(5, read.Items.Select(i => i.Id).Distinct().Count());

        var next = await ReadDeltaAsync(read.DeltaLink);
        Assert.Empty(next.Items);
    }

    [Fact]
    public async Task Repeated_item_in_a_one_page_round_comes_twice_on_that_page()
    {
        AddPlanItem("Ett");
        AddPlanItem("Två");
        Plan.RepeatInNextDelta(1);

        var read = await ReadDeltaAsync();

        Assert.Equal(["1", "2", "1"], Assert.Single(read.Pages).Select(i => i.Id));
    }

    [Fact]
    public async Task Changes_made_while_a_client_pages_are_never_lost()
    {
        for (var i = 1; i <= 6; i++)
        {
            AddPlanItem($"Aktivitet {i}");
        }

        var first = await PlanItems.Delta.GetAsDeltaGetResponseAsync(rc =>
        {
            rc.QueryParameters.Expand = ["fields"];
            rc.QueryParameters.Top = 2;
        });
        Plan.Update(1, new Dictionary<string, object?> { ["Title"] = "Ändrad redan läst" });
        Plan.Update(5, new Dictionary<string, object?> { ["Title"] = "Ändrad ej läst" });
        Plan.Delete(6);
        var added = AddPlanItem("Ny under läsningen");
        var rest = new List<Microsoft.Graph.Models.ListItem>(first!.Value!);
        var page = first;
        while (page!.OdataNextLink is { } link)
        {
            page = await PlanItems.Delta.WithUrl(link).GetAsDeltaGetResponseAsync();
            rest.AddRange(page!.Value!);
        }

        var next = await ReadDeltaAsync(page.OdataDeltaLink);

        Assert.Equal(["1", "2", "3", "4"], rest.Select(i => i.Id));
        Assert.Equal(
            new[] { "1", "5", "6", added.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Order(),
            next.Items.Select(i => i.Id!).Order());
        Assert.Equal("Ändrad ej läst", Field(next.Items.Single(i => i.Id == "5"), "Title"));
        Assert.NotNull(next.Items.Single(i => i.Id == "6").Deleted);
    }

    [Fact]
    public async Task Latest_token_skips_the_existing_items()
    {
        AddPlanItem("Finns redan");

        using var latest = JsonDocument.Parse(await Raw.GetStringAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}/lists/{Plan.Id}/items/delta?token=latest&$expand=fields")));
        AddPlanItem("Ny");
        var next = await ReadDeltaAsync(latest.RootElement.GetProperty("@odata.deltaLink").GetString());

        Assert.Equal(0, latest.RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(["Ny"], next.Items.Select(i => Field(i, "Title")));
    }
}
