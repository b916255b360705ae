using Azure.Data.Tables;
using Integration.Core.Agreements;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Enterprises;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Agreements;

/// <summary>Base for tests of the agreements: the enterprise list and the agreements list in the Graph stand-in.</summary>
public abstract class AgreementsTest(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    protected static readonly DateOnly Start = new(2026, 3, 15);
    protected static readonly DateOnly End = new(2027, 6, 15);

    protected SharePointList AgreementList { get; private set; } = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["SharePoint:Lists:Agreements"] = "Avtal",
        ["Agreements:MaxYearlyValue"] = "5000000",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AgreementList = Harness.Site.AddList("Avtal")
            .DefineColumn("Enterprise", "Företag", ColumnType.Lookup)
            .DefineColumn("AgreementType", "Avtalsform", ColumnType.Choice)
            .DefineColumn("BuyingBoard", "Köpande nämnd")
            .DefineColumn("YearlyValue", "Årsvärde (kr)", ColumnType.Number)
            .DefineColumn("StartDate", "Startdatum", ColumnType.DateOnly)
            .DefineColumn("EndDate", "Slutdatum", ColumnType.DateOnly)
            .DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);
    }

    protected int AddAgreement(int enterprise, string? type = "IOP", object? value = null, DateOnly? start = null, DateOnly? end = null, string board = "Arbetsmarknadsnämnden") =>
        AgreementList.Add(new Dictionary<string, object?>
        {
            ["EnterpriseLookupId"] = Id(enterprise),
            ["AgreementType"] = type,
            ["BuyingBoard"] = board,
            ["YearlyValue"] = value ?? 250000,
            ["StartDate"] = SharePointDates.ToSharePointValue(start ?? Start, IntegrationHarness.Stockholm),
            ["EndDate"] = SharePointDates.ToSharePointValue(end ?? End, IntegrationHarness.Stockholm),
        });

    protected Task<SyncCounts> SyncAgreementsAsync(string runId = "night") => SyncAsync(AgreementsModule.Source, runId);

    protected Task<Dictionary<string, TableEntity>> AgreementsAsync() => RowsAsync(TableNames.Agreements, AgreementStore.Partition);
}
