using System.Text.Json;
using Azure.Data.Tables;
using Integration.Core.BudgetAssignments;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>
/// Base for tests of the budget assignments: Azurite, and a SIF stand-in holding the cases,
/// reached over HTTP by our SIF adapter, configured as a deployment would be.
/// </summary>
public abstract class BudgetAssignmentsTest(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected const string ApiKey = "sif-assignments-key";
    protected const string Board = "Arbetsmarknadsnämnden";
    protected const string Partners = "Stockholm Business Region AB; Samordningsförbundet Stockholms stad";

    /// <summary>A week before the harness's clock (2026-11-27 09:00 UTC): when the seeded cases last changed.</summary>
    protected static readonly DateTimeOffset Changed = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private SifStandIn _sif = null!;

    protected SifStandIn Sif => _sif;

    /// <summary>Cases per GetCases page; small, so paging is exercised.</summary>
    protected virtual int PageSize => 100;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Lists:BudgetAssignments"] = "Budgetuppdrag",
        ["CaseSystem:BaseUrl"] = _sif.BaseUrl.ToString(),
        ["CaseSystem:ApiKey"] = ApiKey,
        ["CaseSystem:NetworkCaseNumber"] = "AMN 2021-0112-1.4",
        ["CaseSystem:BudgetAssignments:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // The resilience pipeline waits on the harness's fake clock, which stands still: retries within
    // a call come at once here.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);

    /// <summary>The network's list in the Graph stand-in, with the assignment columns and the network's Comment.</summary>
    protected SharePointList AssignmentList { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        _sif = await SifStandIn.StartAsync(ApiKey);
        await base.InitializeAsync();
        AssignmentList = Harness.Site.AddList("Budgetuppdrag")
            .DefineColumn("Title", "Uppdrag")
            .DefineColumn("DiaryNumber", "Diarienummer")
            .DefineColumn("BudgetYear", "Budgetår", ColumnType.Number)
            .DefineColumn("ResponsibleBoard", "Ansvarig nämnd")
            .DefineColumn("Partners", "Samverkansparter", ColumnType.MultilineText)
            .DefineColumn("Deadline", "Slutdatum", ColumnType.DateOnly)
            .DefineColumn("Status", "Status")
            .DefineColumn("LastActivity", "Senaste aktivitet", ColumnType.DateTime)
            .DefineColumn("CaseLink", "Ärende")
            .DefineColumn("Comment", "Kommentar", ColumnType.MultilineText);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _sif.DisposeAsync();
    }

    /// <summary>Adds a budget assignment: case type UPPDRAG with its custom fields; a null field is left out.</summary>
    protected SifCase AddAssignment(
        string number,
        string title = "Handlingsplan för arbetsintegrerande sociala företag",
        string? year = "2021",
        string? deadline = "2021-12-31",
        string? partners = Partners,
        string status = "B",
        DateTimeOffset? changed = null)
    {
        var fields = new Dictionary<string, string?>();
        if (year is not null) fields["Budgetår"] = year;
        if (deadline is not null) fields["Slutdatum"] = deadline;
        if (partners is not null) fields["Samverkansparter"] = partners;
        return Sif.AddCase(number, title, caseType: "UPPDRAG", status: status, customFields: fields, lastChanged: changed ?? Changed, responsibleEnterprise: Board);
    }

    protected Task<SyncCounts> SyncAsync(string runId = "night-1") =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == BudgetAssignmentsModule.Source).RunAsync(runId, CancellationToken.None);

    protected async Task<Dictionary<string, TableEntity>> RowsAsync()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.BudgetAssignments);
        return await table.QueryAsync<TableEntity>(e => e.PartitionKey == BudgetAssignmentStore.Partition).ToDictionaryAsync(e => e.RowKey);
    }

    protected async Task<List<TableEntity>> QuarantineAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Harness.Get<QuarantineStore>().ListAsync(BudgetAssignmentsModule.Source)) rows.Add(row);
        return rows;
    }

    protected Task<DeltaCheckpoint?> CheckpointAsync() => Harness.Get<DeltaCheckpointStore>().GetAsync(BudgetAssignmentsModule.Source, CancellationToken.None);

    /// <summary>The <c>parameter</c> of each GetCases call the stand-in took, in order.</summary>
    protected List<JsonElement> GetCasesCalls() =>
        Sif.Requests.All.Where(r => r.Operation == "GetCases" && r.Body is not null).Select(r => Parameter(r.Body!)).ToList();

    private static JsonElement Parameter(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("parameter").Clone();
    }
}
