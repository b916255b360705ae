using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>
/// A site whose register lists carry Swedish internal names, mapped with
/// <c>SharePoint__Fields__Enterprises__*</c> and <c>SharePoint__Fields__Agreements__*</c>: the lists
/// sync as with the defaults, and a misnamed setting fails the source with the setting named.
/// </summary>
public class RegisterColumnOverrideTests(AzuriteFixture azurite) : RegisterColumnsTest(azurite)
{
    [Fact]
    public async Task TheListsSyncThroughTheirOwnInternalNames()
    {
        var enterprise = Enterprises.Add(new Dictionary<string, object?>
        {
            ["Namn"] = "Gröna Hjärtat", ["Orgnr"] = "5599000014", ["Kriterier"] = true, ["Sector"] = "81.210",
        });
        Agreements.Add(new Dictionary<string, object?>
        {
            ["LeverantorLookupId"] = enterprise.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Avtalsform"] = "IOP",
            ["BuyingBoard"] = "Socialnämnden",
            ["_x00c5_rsv_x00e4_rde"] = 120000,
            ["Startdatum"] = SharePointDates.ToSharePointValue(new DateOnly(2026, 1, 1), IntegrationHarness.Stockholm),
            ["Slutdatum"] = SharePointDates.ToSharePointValue(new DateOnly(2026, 12, 31), IntegrationHarness.Stockholm),
        });

        var enterprises = await SyncAsync(EnterprisesModule.Source);
        var agreements = await SyncAsync(AgreementsModule.Source);

        Assert.Equal((1, 0), (enterprises.Created, enterprises.Quarantined));
        Assert.Equal((1, 0), (agreements.Created, agreements.Quarantined));
        var stored = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Enterprises);
        var row = (await stored.GetEntityAsync<Azure.Data.Tables.TableEntity>(EnterpriseStore.Partition, enterprise.ToString(System.Globalization.CultureInfo.InvariantCulture))).Value;
        Assert.Equal(("Gröna Hjärtat", Number, true), (row.GetString("Name"), row.GetString("OrganisationNumber"), row.GetBoolean("WiseCriteriaMet")));
        var agreementRows = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Agreements);
        var agreement = Assert.Single(agreementRows.Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == AgreementStore.Partition));
        Assert.Equal((120000d, "2026-01-01"), (agreement.GetDouble("YearlyValue")!.Value, agreement.GetString("StartDate")));
    }
}

/// <summary>The same lists with the number column's setting misspelt.</summary>
public class MisnamedRegisterColumnTests(AzuriteFixture azurite) : RegisterColumnsTest(azurite)
{
    protected override string NumberColumn => "Orgnummer";

    [Fact]
    public async Task AMisnamedColumnFailsTheSourceWithTheSettingAndTheClosestColumn()
    {
        Enterprises.Add(new Dictionary<string, object?> { ["Namn"] = "Gröna Hjärtat", ["Orgnr"] = Number });

        var error = await Assert.ThrowsAsync<ColumnMappingException>(() => SyncAsync(EnterprisesModule.Source));

        Assert.Contains("SharePoint__Fields__Enterprises__OrganisationNumber", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Orgnr'", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Azurite and the Graph stand-in with register lists whose columns have Swedish internal names.</summary>
public abstract class RegisterColumnsTest(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected const string Number = "559900-0014";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Lists:Enterprises"] = "Företag",
        ["SharePoint:Lists:Agreements"] = "Avtal",
        ["SharePoint:Fields:Enterprises:Name"] = "Namn",
        ["SharePoint:Fields:Enterprises:OrganisationNumber"] = NumberColumn,
        ["SharePoint:Fields:Enterprises:WiseCriteriaMet"] = "Kriterier",
        ["SharePoint:Fields:Agreements:Enterprise"] = "Leverantor",
        ["SharePoint:Fields:Agreements:AgreementType"] = "Avtalsform",
        ["SharePoint:Fields:Agreements:YearlyValue"] = "_x00c5_rsv_x00e4_rde",
        ["SharePoint:Fields:Agreements:StartDate"] = "Startdatum",
        ["SharePoint:Fields:Agreements:EndDate"] = "Slutdatum",
    };

    /// <summary>What the number column's setting says; the list's column is <c>Orgnr</c>.</summary>
    protected virtual string NumberColumn => "Orgnr";

    protected SharePointList Enterprises => Harness.Site.Lists.Single(l => l.DisplayName == "Företag");

    protected SharePointList Agreements => Harness.Site.Lists.Single(l => l.DisplayName == "Avtal");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Harness.Site.AddList("Företag")
            .DefineColumn("Namn", "Namn")
            .DefineColumn("Orgnr", "Organisationsnummer")
            .DefineColumn("LegalForm", "Juridisk form")
            .DefineColumn("Kriterier", "Uppfyller kriterierna", ColumnType.Boolean)
            .DefineColumn("Sector", "SNI-kod")
            .DefineColumn("Contact", "Kontakt");
        Harness.Site.AddList("Avtal")
            .DefineColumn("Leverantor", "Leverantör", ColumnType.Lookup)
            .DefineColumn("Avtalsform", "Avtalsform", ColumnType.Choice)
            .DefineColumn("BuyingBoard", "Köpande nämnd")
            .DefineColumn("_x00c5_rsv_x00e4_rde", "Årsvärde", ColumnType.Number)
            .DefineColumn("Startdatum", "Startdatum", ColumnType.DateOnly)
            .DefineColumn("Slutdatum", "Slutdatum", ColumnType.DateOnly);
    }

    protected Task<SyncCounts> SyncAsync(string source) =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == source).RunAsync("night", CancellationToken.None);
}
