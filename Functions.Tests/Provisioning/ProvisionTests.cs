using Integration.Core.SharePoint.Provisioning;
using Integration.Emulators.Graph;
using static Integration.Functions.Tests.Provisioning.ProvisionSite;

namespace Integration.Functions.Tests.Provisioning;

/// <summary>
/// <c>provision [--check]</c> against the Graph stand-in over HTTP, through the real Graph SDK: it creates
/// what the configuration names and the site lacks, changes nothing twice, reports what it will not
/// change, and exits 0, 3, 2 or 1 as documented.
/// </summary>
public sealed class ProvisionTests : IAsyncLifetime
{
    private ProvisionSite _site = null!;

    public async Task InitializeAsync() => _site = await ProvisionSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task OnAnEmptySiteItCreatesEveryListLibraryAndColumn_AndASecondRunChangesNothing()
    {
        var first = await _site.ProvisionAsync();

        Assert.Equal(0, first.Exit);
        Assert.Empty(first.Differences);
        Assert.Equal(6, first.Json!.Value.GetProperty("created").GetProperty("lists").GetInt32());
        foreach (var source in new[] { "PlanItems", "BudgetAssignments", "Enterprises", "Agreements", "MeetingNotes", "Reports" })
        {
            Assert.Equal("created", first.State(source));
        }

        // Each type as configured, under its internal name, with its Swedish display name.
        Assert.Equal((ColumnType.PersonOrGroup, "Ansvarig"), Describe(_site.Column(PlanList, "Owner")));
        Assert.Equal((ColumnType.DateOnly, "Slutdatum"), Describe(_site.Column(PlanList, "DueDate")));
        Assert.Equal(DemoLikeLists.Statuses, _site.Column(PlanList, "Status")!.Choices);
        Assert.Equal(ColumnType.MultilineText, _site.Column(PlanList, "Goal")!.Type);
        Assert.Equal((ColumnType.Text, "Försenad"), Describe(_site.Column(PlanList, "OverdueFlag")));
        Assert.Equal((ColumnType.Text, "Indikatorvärde"), Describe(_site.Column(PlanList, "IndicatorValue")));
        Assert.Equal((ColumnType.MultilineText, "Att rätta"), Describe(_site.Column(PlanList, "DataProblem")));
        Assert.Equal(ColumnType.Number, _site.Column(AssignmentList, "BudgetYear")!.Type);
        Assert.Equal(ColumnType.DateTime, _site.Column(AssignmentList, "LastActivity")!.Type);
        Assert.Equal(ColumnType.Boolean, _site.Column(EnterpriseList, "WiseCriteriaMet")!.Type);
        var lookup = _site.Column(AgreementList, "Enterprise")!;
        Assert.Equal((ColumnType.Lookup, _site.Site.GetList(EnterpriseList).Id, "Title"), (lookup.Type, lookup.LookupListId, lookup.LookupColumnName));
        Assert.Equal(["IOP", "Reserverad upphandling", "Direktupphandling", "Övrigt"], _site.Column(AgreementList, "AgreementType")!.Choices);
        Assert.Equal(ColumnType.Number, _site.Column(AgreementList, "YearlyValue")!.Type);
        // The libraries are drives as well, with the night's document-number and data-problem columns.
        Assert.Equal(NotesLibrary, _site.Site.GetDocumentLibrary(NotesLibrary).DisplayName);
        Assert.NotNull(_site.Site.GetDocumentLibrary(ReportsLibrary));
        Assert.Equal(ColumnType.DateOnly, _site.Column(NotesLibrary, "MeetingDate")!.Type);
        Assert.NotNull(_site.Column(NotesLibrary, "NetworkGroup"));
        Assert.NotNull(_site.Column(NotesLibrary, "CaseDocumentNumber"));
        Assert.NotNull(_site.Column(NotesLibrary, "DataProblem"));

        var posts = _site.Posts;
        var second = await _site.ProvisionAsync();
        var check = await _site.CheckAsync();

        Assert.Equal((0, 0, 0), (second.Exit, second.Json!.Value.GetProperty("created").GetProperty("lists").GetInt32(), second.Json!.Value.GetProperty("created").GetProperty("columns").GetInt32()));
        Assert.Equal(0, check.Exit);
        Assert.Equal(posts, _site.Posts);
    }

    [Fact]
    public async Task ACheckOfAFreshSiteExits3ListingEachMissingThingAndChangesNothing()
    {
        var check = await _site.CheckAsync();

        Assert.Equal(3, check.Exit);
        Assert.Equal(0, _site.Posts);
        Assert.DoesNotContain(_site.Site.Lists, l => l.DisplayName == PlanList);
        foreach (var list in new[] { PlanList, AssignmentList, EnterpriseList, AgreementList, NotesLibrary, ReportsLibrary })
        {
            Assert.Contains(check.Differences, d => d.Contains($"'{list}'", StringComparison.Ordinal) && d.EndsWith("is missing.", StringComparison.Ordinal));
        }

        foreach (var column in new[] { "Goal", "Owner", "DueDate", "Status", "OverdueFlag", "IndicatorValue", "DataProblem" })
        {
            Assert.Contains(check.Differences, d => d.StartsWith($"PlanItems: column '{column}' (SharePoint__Fields__PlanItems__{column}", StringComparison.Ordinal));
        }

        Assert.Contains(check.Differences, d => d.StartsWith("MeetingNotes: column 'CaseDocumentNumber'", StringComparison.Ordinal));
        Assert.Contains(check.Differences, d => d.StartsWith("Agreements: column 'Enterprise'", StringComparison.Ordinal) && d.Contains("SharePoint__Lists__Enterprises", StringComparison.Ordinal));
        Assert.DoesNotContain(check.Differences, d => d.Contains("column 'Title'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterTheDemoLikeSetupTheCheckExits0()
    {
        DemoLikeLists.Build(_site.Site);

        var check = await _site.CheckAsync();

        Assert.True(check.Exit == 0, string.Join("\n", check.Differences));
        Assert.Equal(0, _site.Posts);
    }

    [Fact]
    public async Task ARemovedColumnExits3NamingTheColumn_AndProvisionPutsItBack()
    {
        DemoLikeLists.Build(_site.Site, leaveOut: "IndicatorValue");

        var check = await _site.CheckAsync();

        Assert.Equal(3, check.Exit);
        var difference = Assert.Single(check.Differences);
        Assert.StartsWith("PlanItems: column 'IndicatorValue' (SharePoint__Fields__PlanItems__IndicatorValue, text) is missing", difference, StringComparison.Ordinal);
        Assert.Equal("missing", check.ColumnState("PlanItems", "IndicatorValue"));
        Assert.Null(_site.Column(PlanList, "IndicatorValue"));

        var provision = await _site.ProvisionAsync();

        Assert.Equal(0, provision.Exit);
        Assert.Equal(1, _site.Posts);
        Assert.Equal(1, _site.Graph.Requests.Count("POST", "/columns"));
        Assert.Equal("created", provision.ColumnState("PlanItems", "IndicatorValue"));
        Assert.Equal((ColumnType.Text, "Indikatorvärde"), Describe(_site.Column(PlanList, "IndicatorValue")));
        Assert.Equal(0, (await _site.CheckAsync()).Exit);
    }

    [Fact]
    public async Task AColumnOfTheWrongTypeIsReportedAndNotChanged()
    {
        DemoLikeLists.Build(_site.Site, dueDateType: ColumnType.Text);

        var check = await _site.CheckAsync();
        var provision = await _site.ProvisionAsync();

        Assert.Equal((3, 3), (check.Exit, provision.Exit));
        Assert.Equal("wrongType", provision.ColumnState("PlanItems", "DueDate"));
        var difference = Assert.Single(provision.Differences);
        Assert.Contains("'DueDate' (SharePoint__Fields__PlanItems__DueDate, date only) is text", difference, StringComparison.Ordinal);
        Assert.Contains("not changed", difference, StringComparison.Ordinal);
        Assert.Equal(ColumnType.Text, _site.Column(PlanList, "DueDate")!.Type);
        Assert.Equal(0, _site.Posts);
    }

    [Fact]
    public async Task ASwedishSitesInternalNamesAreHonoured()
    {
        _site.Settings["SharePoint:Fields:PlanItems:DueDate"] = "Slutdatum";
        _site.Settings["SharePoint:Fields:PlanItems:Owner"] = "Ansvarig";
        _site.Settings["SharePoint:Fields:PlanItems:ResponsibleBody"] = "Ansvarig_x0020_n_x00e4_mnd";
        _site.Settings["SharePoint:Fields:PlanItems:DataProblem"] = "Datafel";
        _site.Settings["SharePoint:Fields:Enterprises:Name"] = "Namn";
        _site.Settings["SharePoint:Fields:Agreements:DataProblem"] = "";
        _site.Settings["SharePoint:Fields:MeetingNotes:Group"] = "Grupp";
        _site.Settings["SharePoint:PlanItemStatuses:Done"] = "Avslutad;Klar";

        var provision = await _site.ProvisionAsync();

        Assert.True(provision.Exit == 0, provision.Error);
        Assert.Equal((ColumnType.DateOnly, "Slutdatum"), Describe(_site.Column(PlanList, "Slutdatum")));
        Assert.Equal(ColumnType.PersonOrGroup, _site.Column(PlanList, "Ansvarig")!.Type);
        Assert.NotNull(_site.Column(PlanList, "Ansvarig_x0020_n_x00e4_mnd"));
        Assert.Equal(ColumnType.MultilineText, _site.Column(PlanList, "Datafel")!.Type);
        Assert.Null(_site.Column(PlanList, "DueDate"));
        Assert.Null(_site.Column(PlanList, "DataProblem"));
        Assert.Contains("Avslutad", _site.Column(PlanList, "Status")!.Choices);
        Assert.DoesNotContain("Klar / Done", _site.Column(PlanList, "Status")!.Choices);
        Assert.Equal(ColumnType.Text, _site.Column(EnterpriseList, "Namn")!.Type);
        Assert.Equal("Namn", _site.Column(AgreementList, "Enterprise")!.LookupColumnName);
        Assert.Null(_site.Column(AgreementList, "DataProblem"));
        Assert.NotNull(_site.Column(NotesLibrary, "Grupp"));
        Assert.Equal(0, (await _site.CheckAsync()).Exit);
    }

    [Fact]
    public async Task WhenGraphRefusesItExits1NamingThePermission()
    {
        _site.Site.RefusesSchemaChanges = true;

        var provision = await _site.ProvisionAsync();

        Assert.Equal(1, provision.Exit);
        Assert.Contains("403", provision.Error, StringComparison.Ordinal);
        Assert.Contains("Sites.Manage.All", provision.Error, StringComparison.Ordinal);
        Assert.Contains("Sites.Selected with the 'manage' role", provision.Error, StringComparison.Ordinal);
        Assert.Contains(SharePointProvisioner.WritePermission, provision.Json!.Value.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_site.Site.Lists, l => l.DisplayName == PlanList);
        // A check only reads, so it still works with the rights the night has.
        Assert.Equal(3, (await _site.CheckAsync()).Exit);
    }

    [Theory]
    [InlineData("SharePoint:SiteId", "", "SharePoint__SiteId")]
    [InlineData("SharePoint:PageSize", "lots", "SharePoint__PageSize")]
    [InlineData("SharePoint:PlanItemStatuses:Done", "Pågår", "SharePoint__PlanItemStatuses")]
    public async Task ABadConfigurationExits2NamingTheSetting(string key, string value, string named)
    {
        _site.Settings[key] = value;

        var run = await _site.CheckAsync();

        Assert.Equal(2, run.Exit);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _site.Posts);
    }

    [Fact]
    public async Task NoListConfiguredExits2()
    {
        foreach (var key in _site.Settings.Keys.Where(k => k.StartsWith("SharePoint:Lists:", StringComparison.Ordinal) || k.StartsWith("SharePoint:Libraries:", StringComparison.Ordinal)).ToList())
        {
            _site.Settings.Remove(key);
        }

        var run = await _site.CheckAsync();

        Assert.Equal(2, run.Exit);
        Assert.Contains("SharePoint__Lists__PlanItems", run.Error, StringComparison.Ordinal);
    }

    private static (ColumnType, string) Describe(ListColumn? column) => column is null ? default : (column.Type, column.DisplayName);
}
