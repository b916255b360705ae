using Azure.Data.Tables;
using Integration.Core.Enterprises;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>Base for tests of the enterprise register: Azurite and the Graph stand-in with the network's enterprise list.</summary>
public abstract class EnterprisesTest(AzuriteFixture azurite) : StorageTest(azurite)
{
    /// <summary>Luhn-correct, fictional organisation numbers (the 5599… series no company holds).</summary>
    protected const string NumberA = "559900-0014";
    protected const string NumberB = "559900-0022";
    protected const string NumberC = "559900-0030";

    /// <summary>A fictional personal identity number (1981-12-18): never to appear in clear anywhere.</summary>
    protected const string PersonalNumber = "811218-9876";
    protected const string PersonalMasked = "811218-****";

    protected SharePointList EnterpriseList { get; private set; } = null!;

    protected virtual bool AllowPersonalIdentityNumbers => false;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Lists:Enterprises"] = "Sociala företag",
        ["Enterprises:AllowPersonalIdentityNumbers"] = AllowPersonalIdentityNumbers ? "true" : "false",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        EnterpriseList = Harness.Site.AddList("Sociala företag")
            .DefineColumn("Title", "Namn")
            .DefineColumn("OrganisationNumber", "Organisationsnummer")
            .DefineColumn("LegalForm", "Juridisk form")
            .DefineColumn("WiseCriteriaMet", "Uppfyller kriterierna", ColumnType.Boolean)
            .DefineColumn("Sector", "SNI-kod")
            .DefineColumn("Contact", "Kontakt")
            .DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);
    }

    /// <summary>What the night wrote on the item: its data-problem text, or null.</summary>
    protected string? Problem(int id) => EnterpriseList.GetFields(id)?.GetValueOrDefault("DataProblem") as string;

    protected int AddEnterprise(string name, string? number, bool? wise = true, string? sector = "81.210", string? contact = "Karin Berg, karin.berg@example.se") =>
        EnterpriseList.Add(new Dictionary<string, object?>
        {
            ["Title"] = name,
            ["OrganisationNumber"] = number,
            ["LegalForm"] = "Ekonomisk förening",
            ["WiseCriteriaMet"] = wise,
            ["Sector"] = sector,
            ["Contact"] = contact,
        });

    protected Task<SyncCounts> SyncEnterprisesAsync(string runId = "night") => SyncAsync(EnterprisesModule.Source, runId);

    protected Task<SyncCounts> SyncAsync(string source, string runId) =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == source).RunAsync(runId, CancellationToken.None);

    protected async Task<Dictionary<string, TableEntity>> RowsAsync(string table, string partition)
    {
        var client = await Harness.Get<IntegrationStorage>().TableAsync(table);
        var rows = new Dictionary<string, TableEntity>();
        await foreach (var e in client.QueryAsync<TableEntity>(e => e.PartitionKey == partition)) rows[e.RowKey] = e;
        return rows;
    }

    protected Task<Dictionary<string, TableEntity>> EnterprisesAsync() => RowsAsync(TableNames.Enterprises, EnterpriseStore.Partition);

    /// <summary>The source's open quarantine entries by item id.</summary>
    protected async Task<Dictionary<string, TableEntity>> OpenQuarantineAsync(string source)
    {
        var open = new Dictionary<string, TableEntity>();
        await foreach (var row in Harness.Get<QuarantineStore>().ListAsync(source))
        {
            if (row.GetBoolean(QuarantineStore.OpenColumn) != false) open[row.GetString("ItemId")] = row;
        }

        return open;
    }

    protected static void Reconciles(SyncCounts c) =>
        Assert.Equal(c.Read, c.Created + c.Updated + c.Unchanged + c.Deleted + c.Quarantined);

    protected static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
