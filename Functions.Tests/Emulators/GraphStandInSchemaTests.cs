using System.Net;
using System.Text;
using System.Text.Json;
using Integration.Emulators.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// Creating lists and columns (<c>POST /sites/{id}/lists</c>, <c>POST …/lists/{id}/columns</c>) as
/// Graph answers them: 201 with the new resource, 409 for a name taken, 400 for a definition it does
/// not take, 403 where the site refuses schema changes; and the created columns listed with their facets.
/// </summary>
public class GraphStandInSchemaTests : GraphStandInTest
{
    [Fact]
    public async Task A_list_is_created_with_its_template_and_columns_and_answers_201()
    {
        var created = await Client.Sites[Site.Id].Lists.PostAsync(new List
        {
            DisplayName = "Avtal",
            ListProp = new ListInfo { Template = "genericList" },
            Columns =
            [
                new ColumnDefinition { Name = "StartDate", DisplayName = "Startdatum", DateTime = new DateTimeColumn { Format = "dateOnly" } },
                new ColumnDefinition { Name = "AgreementType", DisplayName = "Avtalsform", Choice = new ChoiceColumn { Choices = ["IOP", "Övrigt"] } },
                new ColumnDefinition { Name = "Enterprise", DisplayName = "Företag", Lookup = new LookupColumn { ListId = Plan.Id, ColumnName = "Title" } },
                new ColumnDefinition { Name = "Link", DisplayName = "Länk", HyperlinkOrPicture = new HyperlinkOrPictureColumn { IsPicture = false } },
            ],
        });

        Assert.Equal(Site.GetList("Avtal").Id, created!.Id);
        Assert.Equal(("Avtal", "genericList"), (created.DisplayName, created.ListProp!.Template));
        var columns = (await Client.Sites[Site.Id].Lists[created.Id].Columns.GetAsync())!.Value!.ToDictionary(c => c.Name!);
        Assert.Equal(("Startdatum", "dateOnly"), (columns["StartDate"].DisplayName, columns["StartDate"].DateTime!.Format));
        Assert.Equal(["IOP", "Övrigt"], columns["AgreementType"].Choice!.Choices!);
        Assert.Equal((Plan.Id, "Title"), (columns["Enterprise"].Lookup!.ListId, columns["Enterprise"].Lookup!.ColumnName));
        Assert.False(columns["Link"].HyperlinkOrPicture!.IsPicture);
        // A created list takes items like any other.
        Site.GetList("Avtal").Add(new Dictionary<string, object?> { ["AgreementType"] = "IOP" });
        Assert.Single((await Client.Sites[Site.Id].Lists["Avtal"].Items.GetAsync())!.Value!);
    }

    [Fact]
    public async Task A_library_is_created_as_a_list_and_a_drive()
    {
        var created = await Client.Sites[Site.Id].Lists.PostAsync(new List { DisplayName = "Minnesanteckningar", ListProp = new ListInfo { Template = "documentLibrary" } });

        Assert.Equal("documentLibrary", created!.ListProp!.Template);
        var drives = (await Client.Sites[Site.Id].Drives.GetAsync())!.Value!;
        Assert.Contains(drives, d => d.Name == "Minnesanteckningar");
        Assert.Equal(created.Id, Site.GetDocumentLibrary("Minnesanteckningar").ListId);
    }

    [Fact]
    public async Task A_column_is_added_with_201_and_its_definition()
    {
        using var response = await PostAsync($"lists/{Plan.Id}/columns", """{"name":"DueDate","displayName":"Slutdatum","dateTime":{"format":"dateOnly"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("DueDate", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("dateOnly", body.RootElement.GetProperty("dateTime").GetProperty("format").GetString());
        Assert.Equal(ColumnType.DateOnly, Plan.Columns.Single(c => c.Name == "DueDate").Type);
    }

    [Fact]
    public async Task A_name_taken_answers_409_nameAlreadyExists()
    {
        Plan.DefineColumn("Status", "Status", ColumnType.Choice);

        var column = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists[Plan.Id].Columns.PostAsync(
            new ColumnDefinition { Name = "status", DisplayName = "Status", Text = new TextColumn() }));
        var list = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists.PostAsync(
            new List { DisplayName = "action plan", ListProp = new ListInfo { Template = "genericList" } }));
        var builtIn = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists[Plan.Id].Columns.PostAsync(
            new ColumnDefinition { Name = "Created", Text = new TextColumn() }));

        Assert.All(new[] { column, list, builtIn }, e => Assert.Equal((409, "nameAlreadyExists"), (e.ResponseStatusCode, e.Error!.Code)));
        Assert.Equal(ColumnType.Choice, Plan.Columns.Single(c => c.Name == "Status").Type);
    }

    [Theory]
    [InlineData("""{"displayName":"Utan namn","text":{}}""")]
    [InlineData("""{"name":"Tvåtyper","text":{},"number":{}}""")]
    [InlineData("""{"name":"Utantyp"}""")]
    [InlineData("""{"name":"Uppslag","lookup":{"listId":"00000000-0000-0000-0000-000000000001","columnName":"Title"}}""")]
    public async Task A_definition_Graph_does_not_take_answers_400(string definition)
    {
        using var response = await PostAsync($"lists/{Plan.Id}/columns", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalidRequest", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_site_that_refuses_schema_changes_answers_403_accessDenied_and_still_reads()
    {
        Site.RefusesSchemaChanges = true;

        var list = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists.PostAsync(
            new List { DisplayName = "Avtal", ListProp = new ListInfo { Template = "genericList" } }));
        var column = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists[Plan.Id].Columns.PostAsync(
            new ColumnDefinition { Name = "Goal", Text = new TextColumn() }));

        Assert.All(new[] { list, column }, e => Assert.Equal((403, "accessDenied"), (e.ResponseStatusCode, e.Error!.Code)));
        Assert.DoesNotContain(Site.Lists, l => l.DisplayName == "Avtal");
        Assert.NotEmpty((await Client.Sites[Site.Id].Lists[Plan.Id].Columns.GetAsync())!.Value!);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Raw.PostAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}/{path}"), new StringContent(json, Encoding.UTF8, "application/json"));
}
