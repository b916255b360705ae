using Integration.Emulators.Bench;
using Integration.Emulators.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInColumnTests : GraphStandInTest
{
    [Fact]
    public async Task Columns_list_the_declared_the_carried_and_sharepoints_own_through_the_sdk()
    {
        Plan.DefineColumn("Slutdatum", "Slutdatum", ColumnType.DateOnly).DefineColumn("Ansvarig", "Ansvarig", ColumnType.PersonOrGroup);
        AddPlanItem("Upphandla med sociala klausuler", new Dictionary<string, object?> { ["Status"] = "Pågår", ["AnsvarigLookupId"] = "7", ["Budget"] = 12.5 });

        var columns = (await Client.Sites[Site.Id].Lists[Plan.Id].Columns.GetAsync())!.Value!.ToDictionary(c => c.Name!);

        // Declared, though no item has a value in it yet.
        Assert.Equal("dateOnly", columns["Slutdatum"].DateTime!.Format);
        Assert.NotNull(columns["Ansvarig"].PersonOrGroup);
        Assert.DoesNotContain("AnsvarigLookupId", columns.Keys);
        // Carried by an item, typed by its value.
        Assert.NotNull(columns["Status"].Text);
        Assert.NotNull(columns["Budget"].Number);
        // Every list's own.
        Assert.Equal(255, columns["Title"].Text!.MaxLength);
        Assert.False(columns["Title"].ReadOnly);
        Assert.True(columns["ID"].ReadOnly);
        Assert.Equal("Created By", columns["Author"].DisplayName);
        Assert.NotNull(columns["Author"].PersonOrGroup);
        Assert.Contains("_UIVersionString", columns.Keys);
        Assert.Contains("LinkTitle", columns.Keys);
        // Hidden ones only when hidden is selected, as Graph does.
        Assert.DoesNotContain("ItemChildCount", columns.Keys);
        Assert.All(columns.Values, c => Assert.False(c.Hidden));
    }

    [Fact]
    public async Task Hidden_columns_are_listed_when_hidden_is_selected_and_only_the_selected_properties_are_sent()
    {
        var columns = (await Client.Sites[Site.Id].Lists["Action Plan"].Columns.GetAsync(r => r.QueryParameters.Select = ["name", "hidden"]))!.Value!;

        var hidden = Assert.Single(columns, c => c.Name == "ItemChildCount");
        Assert.True(hidden.Hidden);
        Assert.All(columns, c => Assert.Null(c.DisplayName));
        Assert.Contains(columns, c => c.Name == "Title" && c.Hidden == false);
    }

    [Fact]
    public async Task The_plan_item_list_lists_each_plan_item_column_before_any_item_has_a_value()
    {
        var plan = PlanItemGenerator.DefineColumns(Site.AddList("Handlingsplan"));

        var columns = (await Client.Sites[Site.Id].Lists[plan.Id].Columns.GetAsync())!.Value!;

        Assert.Equal(
            ["Title", "Goal", "ResponsibleBody", "Owner", "DueDate", "Status", "CaseNumber", "BudgetAssignment", "OverdueFlag"],
            columns.Select(c => c.Name).Take(9));
        Assert.Equal("Slutdatum", columns.Single(c => c.Name == "DueDate").DisplayName);
    }

    [Fact]
    public async Task A_columns_request_counts_as_a_list_read_and_an_unknown_property_or_list_is_refused()
    {
        await Client.Sites[Site.Id].Lists[Plan.Id].Columns.GetAsync();
        var unknownProperty = await Assert.ThrowsAsync<ODataError>(() =>
            Client.Sites[Site.Id].Lists[Plan.Id].Columns.GetAsync(r => r.QueryParameters.Select = ["name", "colour"]));
        var unknownList = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists["Nope"].Columns.GetAsync());

        Assert.Equal(400, unknownProperty.ResponseStatusCode);
        Assert.Contains("colour", unknownProperty.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(404, unknownList.ResponseStatusCode);
        Assert.Equal(3, StandIn.Requests.CountByKind()[RequestKind.List]);
    }

    [Fact]
    public void A_list_cannot_define_sharepoints_own_columns_or_a_lookup_id()
    {
        Assert.Throws<ArgumentException>(() => Plan.DefineColumn("Created", "Skapad", ColumnType.DateTime));
        Assert.Throws<ArgumentException>(() => Plan.DefineColumn("OwnerLookupId", "Ansvarig", ColumnType.PersonOrGroup));

        Plan.DefineColumn("Title", "Aktivitet");
        Assert.Equal("Aktivitet", Plan.Columns.Single(c => c.Name == "Title").DisplayName);
    }
}
