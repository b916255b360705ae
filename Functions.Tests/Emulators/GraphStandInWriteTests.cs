using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInWriteTests : GraphStandInTest
{
    [Fact]
    public async Task Fields_patch_returns_all_fields_and_the_item_shows_in_the_next_delta()
    {
        var id = AddPlanItem("Aktivitet", new Dictionary<string, object?> { ["Status"] = "Pågår" });
        var before = await ReadDeltaAsync();

        var fields = await PlanItems["1"].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["OverdueFlag"] = "Försenad" },
        });
        var after = await ReadDeltaAsync(before.DeltaLink);

        Assert.Equal("Försenad", fields!.AdditionalData["OverdueFlag"]);
        Assert.Equal("Aktivitet", fields.AdditionalData["Title"]);
        Assert.Equal("Pågår", fields.AdditionalData["Status"]);
        Assert.Equal("2.0", fields.AdditionalData["_UIVersionString"]);
        Assert.Equal("1", Assert.Single(after.Items).Id);
        Assert.Equal("Försenad", Plan.GetFields(id)!["OverdueFlag"]);
        Assert.Equal(1, StandIn.Requests.Count("PATCH", "/items/1/fields"));
    }

    [Fact]
    public async Task Stale_if_match_answers_412_and_changes_nothing()
    {
        AddPlanItem("Aktivitet");
        var read = await PlanItems["1"].GetAsync();
        Plan.Update(1, new Dictionary<string, object?> { ["Status"] = "Ändrad av en användare" });

        var error = await Assert.ThrowsAsync<ODataError>(() => PlanItems["1"].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Status"] = "Klar" } },
            rc => rc.Headers.Add("If-Match", read!.ETag!)));

        Assert.Equal(412, error.ResponseStatusCode);
        Assert.Equal("preconditionFailed", error.Error!.Code);
        Assert.Equal("Ändrad av en användare", Plan.GetFields(1)!["Status"]);
    }

    [Fact]
    public async Task Current_if_match_is_accepted()
    {
        AddPlanItem("Aktivitet");
        var read = await PlanItems["1"].GetAsync();

        var fields = await PlanItems["1"].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Status"] = "Klar" } },
            rc => rc.Headers.Add("If-Match", read!.ETag!));

        Assert.Equal("Klar", fields!.AdditionalData["Status"]);
    }

    [Fact]
    public async Task Patch_of_a_missing_item_answers_404()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => PlanItems["99"].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Status"] = "Klar" } }));

        Assert.Equal(404, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Patch_of_a_field_the_list_has_no_column_for_answers_400_and_changes_nothing()
    {
        var id = AddPlanItem("Aktivitet");

        var error = await Assert.ThrowsAsync<ODataError>(() => PlanItems[id.ToString(System.Globalization.CultureInfo.InvariantCulture)].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["DataProblem"] = "Slutdatum saknas.", ["Status"] = "Klar" } }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("Field 'DataProblem' is not recognized", error.Error!.Message);
        Assert.False(Plan.GetFields(id)!.ContainsKey("Status"));
    }
}
