using System.Text.Json;
using Integration.Cli.Provision;
using Integration.Emulators.Graph;
using Microsoft.Extensions.Configuration;

namespace Integration.Functions.Tests.Provisioning;

/// <summary>
/// An empty SharePoint site in the Graph stand-in, a configuration naming the network's four lists and
/// two libraries on it, and <c>provision</c> run as the CLI runs it, through the real Graph SDK over loopback.
/// </summary>
internal sealed class ProvisionSite : IAsyncDisposable
{
    public const string PlanList = "Handlingsplan";
    public const string AssignmentList = "Budgetuppdrag";
    public const string EnterpriseList = "Sociala företag";
    public const string AgreementList = "Avtal";
    public const string NotesLibrary = "Minnesanteckningar";
    public const string ReportsLibrary = "Lägesrapporter";

    private ProvisionSite(GraphStandIn graph, SharePointSite site)
    {
        Graph = graph;
        Site = site;
        Settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["SharePoint:GraphBaseUrl"] = graph.BaseUrl.ToString(),
            ["SharePoint:Auth"] = "None",
            ["SharePoint:SiteId"] = site.Id,
            ["SharePoint:Lists:PlanItems"] = PlanList,
            ["SharePoint:Lists:BudgetAssignments"] = AssignmentList,
            ["SharePoint:Lists:Enterprises"] = EnterpriseList,
            ["SharePoint:Lists:Agreements"] = AgreementList,
            ["SharePoint:Libraries:MeetingNotes"] = NotesLibrary,
            ["SharePoint:Libraries:Reports"] = ReportsLibrary,
        };
    }

    public GraphStandIn Graph { get; }

    public SharePointSite Site { get; }

    public Dictionary<string, string?> Settings { get; }

    public static async Task<ProvisionSite> StartAsync()
    {
        var graph = await GraphStandIn.StartAsync();
        return new ProvisionSite(graph, graph.State.AddSite("stockholm.sharepoint.com", "/sites/wise-natverket", "Nätverket"));
    }

    public int Posts => Graph.Requests.Count("POST", "/");

    public Task<ProvisionRun> CheckAsync() => RunAsync(check: true);

    public Task<ProvisionRun> ProvisionAsync() => RunAsync(check: false);

    public async Task<ProvisionRun> RunAsync(bool check)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProvisionCommand.RunAsync(configuration, check, json: true, output, error, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var json = lines.Length > 0 ? JsonDocument.Parse(lines[^1]) : null;
        return new ProvisionRun(exit, json?.RootElement.Clone(), error.ToString());
    }

    /// <summary>A column of a list or library on the site, by internal name; null when it has none.</summary>
    public ListColumn? Column(string list, string name) =>
        Site.GetList(list).Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Graph.DisposeAsync();
}

internal sealed record ProvisionRun(int Exit, JsonElement? Json, string Error)
{
    public IReadOnlyList<string> Differences =>
        Json?.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToList() ?? [];

    public string State(string source) => List(source).GetProperty("state").GetString()!;

    public string ColumnState(string source, string internalName) =>
        List(source).GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("internalName").GetString() == internalName).GetProperty("state").GetString()!;

    public JsonElement List(string source) =>
        Json!.Value.GetProperty("lists").EnumerateArray().Single(l => l.GetProperty("source").GetString() == source);
}
