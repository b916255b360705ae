using System.Globalization;
using System.Net;
using System.Text.Json;
using Integration.Emulators.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInItemTests : GraphStandInTest
{
    private static readonly string[] Tags = ["a", "b"];

    [Fact]
    public async Task Items_page_by_top_through_next_links_with_fields_expanded()
    {
        for (var i = 1; i <= 5; i++)
        {
            AddPlanItem($"Aktivitet {i}");
        }

        var first = await PlanItems.GetAsync(rc =>
        {
            rc.QueryParameters.Expand = ["fields"];
            rc.QueryParameters.Top = 2;
        });
        var seen = new List<ListItem>();
        var iterator = PageIterator<ListItem, ListItemCollectionResponse>.CreatePageIterator(Client, first!, item =>
        {
            seen.Add(item);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(["1", "2", "3", "4", "5"], seen.Select(i => i.Id));
        Assert.Equal(["Aktivitet 1", "Aktivitet 2", "Aktivitet 3", "Aktivitet 4", "Aktivitet 5"], seen.Select(i => Field(i, "Title")));
        Assert.StartsWith(StandIn.BaseUrl.ToString(), first!.OdataNextLink, StringComparison.Ordinal);
        Assert.Equal(3, StandIn.Requests.Count("GET", "/items"));
    }

    [Fact]
    public async Task Item_carries_string_ids_a_versioned_etag_and_computed_columns()
    {
        var id = AddPlanItem("Kartläggning", new Dictionary<string, object?> { ["Score"] = 3, ["Done"] = false });
        Plan.Update(id, new Dictionary<string, object?> { ["Score"] = 4.5 });

        var item = await PlanItems[Id(id)].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);

        Assert.Equal(Id(id), item!.Id);
        Assert.Matches("^\"\\{[0-9A-F-]{36}\\},2\"$", item.ETag);
        Assert.Equal("2.0", Field(item, "_UIVersionString"));
        Assert.Equal("Kartläggning", Field(item, "LinkTitle"));
        Assert.Equal("Item", item.ContentType!.Name);
        Assert.Equal(Plan.Id, item.ParentReference!.Id);
        // Kiota hands fractional JSON numbers over as decimal.
        Assert.Equal(4.5m, item.Fields!.AdditionalData["Score"]);
        Assert.Equal(false, item.Fields.AdditionalData["Done"]);
    }

    [Fact]
    public async Task Fields_select_limits_the_columns()
    {
        var id = AddPlanItem("Kartläggning", new Dictionary<string, object?> { ["Status"] = "Pågår" });

        var item = await PlanItems[Id(id)].GetAsync(rc => rc.QueryParameters.Expand = ["fields($select=Status)"]);

        Assert.Equal("Pågår", Field(item!, "Status"));
        Assert.Null(Field(item!, "Title"));
    }

    [Fact]
    public async Task Missing_item_answers_404_item_not_found()
    {
        var id = AddPlanItem("Borttagen");
        Plan.Delete(id);

        var error = await Assert.ThrowsAsync<ODataError>(() => PlanItems[Id(id)].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("itemNotFound", error.Error!.Code);
        Assert.Null(Plan.GetFields(id));
    }

    [Fact]
    public async Task Create_answers_201_with_the_item_and_its_fields()
    {
        var created = await PlanItems.PostAsync(new ListItem
        {
            Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "Ny aktivitet" } },
        });

        Assert.Equal("1", created!.Id);
        Assert.Equal("Ny aktivitet", Field(created, "Title"));
        Assert.Equal("Ny aktivitet", Plan.GetFields(1)!["Title"]);
    }

    [Fact]
    public async Task Text_in_any_script_round_trips_both_ways()
    {
        const string Text = "Åtgärd för sociala företag – مؤسسة اجتماعية 🌱✅";
        var id = AddPlanItem(Text);

        var read = await PlanItems[Id(id)].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        await PlanItems[Id(id)].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["Comment"] = Text + " ändrad" },
        });

        Assert.Equal(Text, Field(read!, "Title"));
        Assert.Equal(Text + " ändrad", Plan.GetFields(id)!["Comment"]);
    }

    [Fact]
    public void Date_only_values_are_the_UTC_instant_of_local_midnight()
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

        Assert.Equal("2021-03-14T23:00:00Z", SharePointList.DateOnlyValue(new DateOnly(2021, 3, 15), stockholm));
        Assert.Equal("2021-06-14T22:00:00Z", SharePointList.DateOnlyValue(new DateOnly(2021, 6, 15), stockholm));

        var id = AddPlanItem("Datum", new Dictionary<string, object?> { ["DueDate"] = new DateOnly(2021, 3, 15) });
        Assert.Equal("2021-03-14T23:00:00Z", Plan.GetFields(id)!["DueDate"]);
    }

    [Fact]
    public async Task Seed_values_of_any_shape_are_served_as_given()
    {
        using var json = JsonDocument.Parse("""[{"LookupId":7,"LookupValue":"Anna","Email":"anna@example.se"}]""");
        var id = AddPlanItem("Former", new Dictionary<string, object?>
        {
            ["OwnerLookupId"] = "7",
            ["DueDate"] = "2021-03-14T23:00:00Z",
            ["Tags"] = Tags,
            ["Members"] = json.RootElement,
            ["Budget"] = System.Text.Json.Nodes.JsonNode.Parse("12000"),
        });

        var raw = await Raw.GetStringAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}/lists/{Plan.Id}/items/{id}?$expand=fields"));
        using var served = JsonDocument.Parse(raw);
        var fields = served.RootElement.GetProperty("fields");

        Assert.Equal("7", fields.GetProperty("OwnerLookupId").GetString());
        Assert.Equal("2021-03-14T23:00:00Z", fields.GetProperty("DueDate").GetString());
        Assert.Equal(2, fields.GetProperty("Tags").GetArrayLength());
        Assert.Equal(7, fields.GetProperty("Members")[0].GetProperty("LookupId").GetInt32());
        Assert.Equal(12000, fields.GetProperty("Budget").GetInt32());
    }

    [Fact]
    public async Task Unknown_route_answers_a_graph_error_body()
    {
        using var response = await Raw.GetAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}/drives/x/nothing"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("itemNotFound", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.True(body.RootElement.GetProperty("error").GetProperty("innerError").TryGetProperty("request-id", out _));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
