using System.Globalization;
using Integration.Emulators.Graph;
using Microsoft.Graph.Models;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInRequestCountTests : GraphStandInTest
{
    [Fact]
    public async Task Requests_are_counted_by_route_kind()
    {
        var owner = Site.EnsureUser("Karin Berg", "karin.berg@natverket.example").ToString(CultureInfo.InvariantCulture);
        for (var i = 1; i <= 5; i++)
        {
            AddPlanItem($"Aktivitet {i}");
        }

        var read = await ReadDeltaAsync(top: 2);
        await ReadDeltaAsync(read.DeltaLink);
        await PlanItems["1"].GetAsync();
        await PlanItems["1"].Fields.GetAsync();
        await Client.Sites[Site.Id].Lists["User Information List"].Items[owner].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        await Client.Sites[Site.Id].Lists[Site.UserInformationList.Id].Items[owner].Fields.GetAsync();
        await PlanItems.GetAsync(rc => rc.QueryParameters.Top = 2);
        await PlanItems["2"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["OverdueFlag"] = "DueSoon" } });
        await PlanItems.PostAsync(new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "Ny" } } });
        await Client.Sites[Site.Id].Lists.GetAsync();
        await Client.Sites[Site.Id].GetAsync();

        var counts = StandIn.Requests.CountByKind();

        // Delta: three pages of two, then the deltaLink; the create is "other".
        // Units: the tokenless first delta page 2 and the three with a token 1 each; single reads 1 (two items, two
        // users, the site); the listing, the lists, the PATCH and the create 2 each.
        Assert.Equal(new RequestCounts(Delta: 4, Items: 1, Item: 2, FieldsPatch: 1, List: 1, Site: 1, UserLookup: 2, Other: 1, ResourceUnits: 18), counts);
        Assert.Equal(StandIn.Requests.All.Count, counts.Total);
        Assert.Equal(4, counts[RequestKind.Delta]);
        StandIn.Requests.Clear();
        Assert.Equal(RequestCounts.None, StandIn.Requests.CountByKind());
    }
}
