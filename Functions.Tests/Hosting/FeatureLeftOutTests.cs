using System.Text.Json;
using Integration.Cli.RunOnce;
using Integration.Core.Agreements;
using Integration.Core.BudgetAssignments;
using Integration.Core.CaseSystem;
using Integration.Core.Enterprises;
using Integration.Core.Hosting;
using Integration.Core.Indicators;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.Operations;
using Integration.Core.PlanItems;
using Integration.Core.Registry;
using Integration.Core.Reports;
using Integration.Core.Retention;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Enterprises;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Hosting;

/// <summary>
/// A feature is its module: the composition root without <c>AddAgreements</c> starts, runs a night
/// against the stand-ins and Azurite, and nothing it prints, stores or records names agreements,
/// although the agreements list is configured. The same checks on the full composition root find
/// them, so the test can tell the difference.
/// </summary>
public class FeatureLeftOutTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["SharePoint:Lists:Agreements"] = "Avtal",
    };

    /// <summary><c>AddIntegration</c> with every feature but the agreements.</summary>
    private static void WithoutAgreements(IServiceCollection services, IConfiguration configuration) => services
        .AddIntegrationPlatform(configuration)
        .AddPlanItems(configuration)
        .AddMeetingNotes(configuration)
        .AddCaseSystem(configuration)
        .AddBudgetAssignments(configuration)
        .AddEnterprises(configuration)
        .AddRegistry(configuration)
        .AddIndicators(configuration)
        .AddNotifications(configuration)
        .AddReports(configuration)
        .AddRetention(configuration)
        .AddOperations(configuration);

    private ServiceProvider Build(Action<IServiceCollection, IConfiguration> compose)
    {
        var services = new ServiceCollection().AddLogging();
        compose(services, Harness.Configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task TheHostWithoutAgreementsRunsANightThatNamesThemNowhere()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, IntegrationHarness.Stockholm).DateTime);
        Harness.List.AddPlanItem("Försenad aktivitet", Anna, today.AddDays(-3));
        AddEnterprise("Gröna Hjärtat", NumberA);
        AddEnterprise("Kafé Kajen", NumberB, wise: false);
        var progress = new List<string>();

        var summary = await new RunOnceRunner(Harness.Configuration, verbose: false, progress.Add, WithoutAgreements) { Timeout = TimeSpan.FromMinutes(2) }
            .RunAsync(CancellationToken.None);

        Assert.True(summary.Succeeded, SummaryPrinter.ToJson(summary));
        Assert.Equal([PlanItemsModule.Source, MeetingNotesModule.Source, BudgetAssignmentsModule.Source, EnterprisesModule.Source], summary.Sources.Select(s => s.Source));
        Assert.Equal(2, summary.Sources.Single(s => s.Source == EnterprisesModule.Source).Created);
        Assert.Equal(1, summary.Step(OverdueScanStep.Step).Count("newlyOverdue"));
        Assert.Equal(SyncRunStatus.Succeeded, summary.Step(IndicatorsStep.Step).Status);
        Assert.Equal(1, summary.Figures("indicators")[IndicatorCalculator.EnterprisesWise]);

        var table = new StringWriter();
        SummaryPrinter.WriteTable(summary, table);
        var records = await Harness.Get<SyncRunStore>().ListAsync(summary.RunId, CancellationToken.None);
        var tables = new List<string>();
        await foreach (var t in Harness.Get<IntegrationStorage>().TableService.QueryAsync()) tables.Add(t.Name);
        await using var without = Build(WithoutAgreements);
        var status = await without.GetRequiredService<OperationsStatus>().ReadAsync(1, CancellationToken.None);

        var printed = string.Join("\n", [SummaryPrinter.ToJson(summary), table.ToString(), .. progress, JsonSerializer.Serialize(status)]);
        Assert.DoesNotContain("agreement", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Avtal", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(records, r => r.Step.Contains("Agreement", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(TableNames.Agreements, tables);
        Assert.DoesNotContain(TableNames.Agreements, without.GetRequiredService<StorageTables>().All);
        Assert.False(without.GetRequiredService<SyncSources>().Contains(AgreementsModule.Source));
        Assert.Contains(TableNames.Enterprises, tables);
    }

    [Fact]
    public async Task TheFullHostHasTheAgreementsSourceTableAndFigures()
    {
        await using var full = Build((services, configuration) => services.AddIntegration(configuration));

        Assert.Contains(AgreementsModule.Source, full.GetRequiredService<SyncSources>().Names);
        Assert.Equal(EnterprisesModule.Source, full.GetRequiredService<SyncSources>().Find(AgreementsModule.Source)!.After);
        Assert.Contains(TableNames.Agreements, full.GetRequiredService<StorageTables>().All);
        var status = await full.GetRequiredService<OperationsStatus>().ReadAsync(1, CancellationToken.None);
        Assert.Contains(status.Sources, s => s.Source == AgreementsModule.Source);
        var snapshot = await full.GetRequiredService<IndicatorCalculator>().ComputeAsync(CancellationToken.None);
        Assert.Contains(IndicatorCalculator.AgreementsActive, snapshot.Values.Keys);
    }

    [Fact]
    public void EachFeatureRegistersItsStepsInTheNightsOrder()
    {
        using var full = Build((services, configuration) => services.AddIntegration(configuration));

        Assert.Equal(
            [CaseRegistrationSummary.Step, OverdueScanStep.Step, IndicatorsStep.Step, NotificationDigestHandler.Step, StatusReportStep.Step, RetentionStep.Step],
            full.GetRequiredService<NightSteps>().All.Select(s => s.Name));
        Assert.Equal(
            [PlanItemsModule.Source, MeetingNotesModule.Source, BudgetAssignmentsModule.Source, EnterprisesModule.Source, AgreementsModule.Source],
            full.GetRequiredService<SyncSources>().Names);
    }
}
