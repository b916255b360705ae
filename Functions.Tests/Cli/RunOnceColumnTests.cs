using Integration.Cli.RunOnce;
using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Cli;

/// <summary>run-once with a column setting the list does not have: the PlanItems step fails and says which setting.</summary>
public class RunOnceColumnTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Fields:PlanItems:DueDate"] = "Slutdatumm",
    };

    [Fact]
    public async Task AMisnamedColumnFailsTheRunWithTheSettingNamed()
    {
        PlanItems.SlutdatumSite.Use(Harness.List);
        Harness.List.Add(PlanItems.SlutdatumSite.Fields("Försenad", Anna, new DateOnly(2026, 11, 20)));

        var summary = await new RunOnceRunner(Harness.Configuration, verbose: false, _ => { }) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

        Assert.False(summary.Succeeded);
        var plan = summary.Sources.Single(s => s.Source == PlanItemsModule.Source);
        Assert.Equal(SyncRunStatus.Failed, plan.Status);
        Assert.Contains("SharePoint__Fields__PlanItems__DueDate is 'Slutdatumm'", plan.Detail, StringComparison.Ordinal);
        Assert.Contains("the closest is 'Slutdatum'", plan.Detail, StringComparison.Ordinal);
        Assert.Empty(await Harness.StoredItemsAsync());
        Assert.Empty(await Harness.QuarantineAsync());
    }
}
