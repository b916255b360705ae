using Integration.Core.BudgetAssignments;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>
/// Plan items follow from budget assignments through their <c>BudgetAssignment</c> column: the
/// plan items synced from the Graph stand-in, the cases from the SIF stand-in, both into Azurite.
/// </summary>
public class PlanItemLinkTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    private static readonly DateOnly Due = new(2027, 3, 15);

    private int PlanItem(string title, string? assignment, string status = PlanItemSeed.InProgress)
    {
        var fields = PlanItemSeed.Fields(title, Anna, Due, status);
        fields["BudgetAssignment"] = assignment;
        return Harness.List.Add(fields);
    }

    [Fact]
    public async Task PlanItemsWithAnUnknownOrClosedAssignmentAreReportedByIdAndTheRestAreLinked()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 2019-0340-01.02", year: "2019", status: "A");
        var linked = PlanItem("Upphandla med reserverade kontrakt", "AMN 2021-0112-1.4");
        var otherSpelling = PlanItem("Dialog med Arbetsförmedlingen", "amn 2021-0112-1.4");
        var underClosed = PlanItem("Kartlägg inköp", "AMN 2019-0340-01.02");
        var doneUnderClosed = PlanItem("Utbildning för inköpare", "AMN 2019-0340-01.02", PlanItemSeed.Done);
        var unknownNumber = PlanItem("Nätverksträffar", "AMN 2030-0001");
        var notANumber = PlanItem("Indikatorer", "Budget 2021");
        var deleted = PlanItem("Struken aktivitet", "AMN 2030-0002");
        PlanItem("Utan uppdrag", null);
        await Harness.SyncAsync();
        Harness.List.Delete(deleted);
        await Harness.SyncAsync("night-1b");

        var counts = await SyncAsync();

        Assert.Equal([K(unknownNumber), K(notANumber)], counts.Ids["planItemsWithUnknownAssignment"]);
        Assert.Equal([K(underClosed)], counts.Ids["planItemsWithClosedAssignment"]);
        Assert.Equal((4, 2, 1), (counts.Extra["linkedPlanItems"], counts.Extra["unknownAssignment"], counts.Extra["closedAssignment"]));
        Assert.NotEqual(linked, otherSpelling);
        Assert.NotEqual(underClosed, doneUnderClosed);
    }

    [Fact]
    public async Task APlanItemUnderAnUnknownOrClosedAssignmentSaysSoOnItselfAsAWarning()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 2019-0340-01.02", year: "2019", status: "A");
        await SyncAsync();
        var linked = PlanItem("Upphandla med reserverade kontrakt", "AMN 2021-0112-1.4");
        var underClosed = PlanItem("Kartlägg inköp", "AMN 2019-0340-01.02");
        var doneUnderClosed = PlanItem("Utbildning för inköpare", "AMN 2019-0340-01.02", PlanItemSeed.Done);
        var unknown = PlanItem("Nätverksträffar", "AMN 2030-0001");

        var counts = await Harness.SyncAsync("night-2");

        // Taken in all the same, with the warning on the item for the network to fix.
        Assert.Equal((4, 0, 2), (counts.Created, counts.Quarantined, counts.Extra["warnings"]));
        string? Problem(int id) => Harness.List.GetFields(id)!.GetValueOrDefault("DataProblem") as string;
        Assert.Null(Problem(linked));
        Assert.Null(Problem(doneUnderClosed));
        Assert.Equal("Budgetuppdraget AMN 2019-0340-01.02 är avslutat, men aktiviteten är öppen. Avsluta aktiviteten, eller flytta den till ett pågående uppdrag.", Problem(underClosed));
        Assert.Equal("Budgetuppdraget 'AMN 2030-0001' finns inte bland stadens budgetuppdrag. Kontrollera diarienumret i kolumnen Budgetuppdrag.", Problem(unknown));

        // Fixed: the warning is cleared; its echo changes nothing.
        Harness.List.Update(unknown, new Dictionary<string, object?> { ["BudgetAssignment"] = "AMN 2021-0112-1.4" });
        var fixedNight = await Harness.SyncAsync("night-3");
        Assert.Equal((1, 1), (fixedNight.Updated, fixedNight.Extra["problemsCleared"]));
        Assert.Null(Problem(unknown));
    }

    [Fact]
    public async Task AnAssignmentThatLeavesTheFilterMakesItsPlanItemsUnknown()
    {
        AddAssignment("AMN 2021-0112-1.4");
        var item = PlanItem("Upphandla med reserverade kontrakt", "AMN 2021-0112-1.4");
        await Harness.SyncAsync();
        Assert.Empty((await SyncAsync()).Ids["planItemsWithUnknownAssignment"]);

        Sif.UpdateCase("AMN 2021-0112-1.4", caseType: "ALLM", lastChanged: Changed.AddDays(1));
        Harness.Time.Advance(TimeSpan.FromDays(8));
        var counts = await SyncAsync("night-2");

        Assert.Equal(1, counts.Deleted);
        Assert.Equal([K(item)], counts.Ids["planItemsWithUnknownAssignment"]);
    }

    [Fact]
    public async Task TheIdsAreKeptInTheRunRecord()
    {
        var store = Harness.Get<SyncRunStore>();
        var record = new SyncRunRecord("night-1", BudgetAssignmentsModule.Source, SyncRunStatus.Succeeded, null, new Dictionary<string, int> { ["unknownAssignment"] = 2 }, 1)
        {
            Ids = new Dictionary<string, IReadOnlyList<string>> { ["planItemsWithUnknownAssignment"] = ["7", "12"], ["planItemsWithClosedAssignment"] = [] },
        };

        await store.SaveAsync(record, CancellationToken.None);
        var read = await store.GetAsync("night-1", BudgetAssignmentsModule.Source, CancellationToken.None);

        Assert.Equal(["7", "12"], read!.Ids["planItemsWithUnknownAssignment"]);
        Assert.Empty(read.Ids["planItemsWithClosedAssignment"]);
        Assert.Equal(2, read.Count("unknownAssignment"));
    }

    private static string K(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
