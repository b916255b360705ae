using Integration.Core.Indicators;
using Integration.Core.Reports;
using Integration.Functions.Tests.Agreements;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Reports;

/// <summary>
/// Two real nights a week apart over the Graph stand-in and Azurite, as the report reads them:
/// the register and the plan synced, the overdue scan, the indicators step. The first night is
/// Friday 27 November 2026 (week 48), the second Friday 4 December (week 49).
/// </summary>
public abstract class ReportTest(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    protected static readonly ReportWeek Week49 = new(2026, 49);
    protected static readonly DateOnly FirstNight = new(2026, 11, 27);

    protected const string GoalMet = "Fler företag med avtal";
    protected const string GoalNotMet = "Större inköp";
    protected const string LongOverdue = "Upphandlingsstöd för nämnderna";
    protected const string NewlyOverdue = "Dialogmöte med förbundet";
    protected const string DueSoon = "Kartläggning av köpen";

    /// <summary>One overdue the first night, two the second (the change is +1); one goal met of two.</summary>
    protected async Task TwoNightsAsync()
    {
        var a = AddEnterprise("Gröna Hjärtat", NumberA);
        var b = AddEnterprise("Returbruket", NumberB);
        AddEnterprise("Kafé Kajen", NumberC, wise: false);
        await SyncEnterprisesAsync("night-1");
        AddAgreement(a, "IOP", 250000, new DateOnly(2026, 3, 15), new DateOnly(2027, 6, 15), "Arbetsmarknadsnämnden");
        AddAgreement(b, "Direktupphandling", 100000, new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31), "Socialnämnden");
        await SyncAgreementsAsync("night-1");
        Harness.List.Add(PlanItemSeed.Fields(GoalMet, Anna, FirstNight.AddDays(90), goal: "Indikator: enterprises.withActiveAgreement ≥ 2"));
        Harness.List.Add(PlanItemSeed.Fields(GoalNotMet, Anna, FirstNight.AddDays(120), goal: "Indikator: agreements.value.2026 ≥ 1 000 000 kr"));
        Harness.List.Add(PlanItemSeed.Fields(LongOverdue, Anna, FirstNight.AddDays(-7)));
        Harness.List.Add(PlanItemSeed.Fields(NewlyOverdue, Omar, new DateOnly(2026, 12, 1), PlanItemSeed.NotStarted, body: "Socialnämnden"));
        Harness.List.Add(PlanItemSeed.Fields(DueSoon, Omar, new DateOnly(2026, 12, 10), body: "Kulturnämnden"));
        Harness.List.Add(PlanItemSeed.Fields("Utbildning i reserverad upphandling", Anna, FirstNight.AddDays(-30), PlanItemSeed.Done));
        await NightAsync("night-1");

        Harness.Time.Advance(TimeSpan.FromDays(7));
        await SyncEnterprisesAsync("night-2");
        await SyncAgreementsAsync("night-2");
        await NightAsync("night-2");
    }

    private async Task NightAsync(string runId)
    {
        await Harness.SyncAsync(runId);
        await Harness.ScanAsync();
        await Harness.Get<IndicatorsStep>().RunAsync(runId, CancellationToken.None);
    }

    protected static string TempPdf(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
