using System.Globalization;
using Integration.Cli.Provision;
using Integration.Cli.RunOnce;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;
using Integration.Functions.Tests.MeetingNotes;

namespace Integration.Functions.Tests.Provisioning;

/// <summary>
/// Lists and a library that <c>provision</c> made are lists the night can sync: items added to them
/// are read by run-once, with no column-check failure and nothing in quarantine.
/// </summary>
public class ProvisionedSiteSyncTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string PlanList = "Handlingsplan 2027";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegrationHarness.Stockholm).DateTime);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Lists:PlanItems"] = PlanList,
        ["SharePoint:Lists:Enterprises"] = ProvisionSite.EnterpriseList,
        ["SharePoint:Lists:Agreements"] = ProvisionSite.AgreementList,
        ["SharePoint:Libraries:MeetingNotes"] = ProvisionSite.NotesLibrary,
    };

    [Fact]
    public async Task AProvisionedSiteSyncsANightWithoutColumnErrors()
    {
        using var output = new StringWriter();
        var exit = await ProvisionCommand.RunAsync(Harness.Configuration, check: false, json: true, output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, exit);

        var site = Harness.Site;
        site.GetList(PlanList).Add(PlanItemSeed.Fields("Försenad aktivitet", Anna, Today.AddDays(-3)));
        site.GetList(PlanList).Add(PlanItemSeed.Fields("Senare aktivitet", Omar, Today.AddDays(60)));
        var enterprise = site.GetList(ProvisionSite.EnterpriseList).Add(new Dictionary<string, object?>
        {
            ["Title"] = "Returbutiken Ekonomisk förening",
            ["OrganisationNumber"] = "559900-0014",
            ["LegalForm"] = "Ekonomisk förening",
            ["WiseCriteriaMet"] = true,
            ["Sector"] = "47.791",
            ["Contact"] = "Kontoret",
        });
        site.GetList(ProvisionSite.AgreementList).Add(new Dictionary<string, object?>
        {
            ["EnterpriseLookupId"] = enterprise.ToString(CultureInfo.InvariantCulture),
            ["AgreementType"] = "IOP",
            ["BuyingBoard"] = "Arbetsmarknadsnämnden",
            ["YearlyValue"] = 250000,
            ["StartDate"] = SharePointDates.ToSharePointValue(Today.AddDays(-30), IntegrationHarness.Stockholm),
        });
        site.GetDocumentLibrary(ProvisionSite.NotesLibrary).AddFile("Nätverksmöte.pdf", NoteFiles.Pdf("Anteckningar"), new Dictionary<string, object?>
        {
            ["MeetingDate"] = SharePointDates.ToSharePointValue(Today.AddDays(-7), IntegrationHarness.Stockholm),
            ["NetworkGroup"] = "Styrgrupp",
        });

        var summary = await new RunOnceRunner(Harness.Configuration, verbose: false, _ => { }) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

        foreach (var (source, created) in new[] { ("PlanItems", 2), ("Enterprises", 1), ("Agreements", 1), ("MeetingNotes", 1) })
        {
            var step = summary.Sources.Single(s => s.Source == source);
            Assert.True(step.Status == SyncRunStatus.Succeeded, $"{source}: {step.Status} {step.Detail}");
            Assert.Equal((created, 0), (step.Created, step.Quarantined));
        }

        Assert.True(summary.Succeeded);
        // The overdue scan wrote its flag into the provisioned column.
        Assert.Contains(site.GetList(PlanList).LiveIds(), id => site.GetList(PlanList).GetFields(id)!.GetValueOrDefault("OverdueFlag") is { } flag && flag.ToString() == "Overdue");
    }
}
