using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInSiteTests : GraphStandInTest
{
    [Fact]
    public async Task Site_is_served_by_its_composite_id()
    {
        var site = await Client.Sites[Site.Id].GetAsync();

        Assert.Equal(Site.Id, site!.Id);
        Assert.StartsWith("contoso.sharepoint.com,", site.Id, StringComparison.Ordinal);
        Assert.Equal("Handlingsplan för sociala företag", site.DisplayName);
        Assert.Equal("https://contoso.sharepoint.com/sites/handlingsplan", site.WebUrl);
    }

    [Fact]
    public async Task List_is_found_by_display_name_with_a_space()
    {
        var list = await Client.Sites[Site.Id].Lists["Action Plan"].GetAsync();

        Assert.Equal(Plan.Id, list!.Id);
        Assert.Equal("Action Plan", list.DisplayName);
        Assert.Equal("genericList", list.ListProp!.Template);
        Assert.False(list.ListProp.Hidden);
    }

    [Fact]
    public async Task Lists_leave_out_the_hidden_user_information_list()
    {
        var lists = await Client.Sites[Site.Id].Lists.GetAsync();

        Assert.Equal(["Action Plan"], lists!.Value!.Select(l => l.DisplayName));
    }

    [Fact]
    public async Task Unknown_site_and_list_answer_404_item_not_found()
    {
        var noList = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists["Nope"].GetAsync());
        var noSite = await Assert.ThrowsAsync<ODataError>(() => Client.Sites["contoso.sharepoint.com,x,y"].GetAsync());

        Assert.Equal(404, noList.ResponseStatusCode);
        Assert.Equal("itemNotFound", noList.Error!.Code);
        Assert.Equal(404, noSite.ResponseStatusCode);
    }

    [Fact]
    public async Task Person_lookup_id_resolves_to_email_through_the_user_information_list()
    {
        var ownerId = Site.EnsureUser("Åsa Öberg", "asa.oberg@stockholm.se");
        var itemId = AddPlanItem("Upphandla med sociala klausuler", new Dictionary<string, object?> { ["OwnerLookupId"] = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var item = await PlanItems[itemId.ToString(System.Globalization.CultureInfo.InvariantCulture)].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        var lookupId = Field(item!, "OwnerLookupId")!;
        var user = await Client.Sites[Site.Id].Lists["User Information List"].Items[lookupId].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);

        Assert.Equal("asa.oberg@stockholm.se", Field(user!, "EMail"));
        Assert.Equal("Åsa Öberg", Field(user!, "Title"));
        Assert.Equal("i:0#.f|membership|asa.oberg@stockholm.se", Field(user!, "Name"));
    }

    [Fact]
    public async Task EnsureUser_finds_by_email_and_a_user_without_email_has_no_EMail_field()
    {
        var first = Site.EnsureUser("Anna Berg", "anna.berg@stockholm.se");
        var again = Site.EnsureUser("Anna B.", "ANNA.BERG@stockholm.se");
        var noMail = Site.EnsureUser("Extern konsult", null);

        var user = await Client.Sites[Site.Id].Lists[Site.UserInformationList.Id].Items[noMail.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            .GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);

        Assert.Equal(first, again);
        Assert.NotEqual(first, noMail);
        Assert.Null(Field(user!, "EMail"));
        Assert.Equal("Extern konsult", Field(user!, "Title"));
    }
}
