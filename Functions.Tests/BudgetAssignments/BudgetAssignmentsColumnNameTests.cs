using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>A site whose internal column names differ: <c>SharePoint__Fields__BudgetAssignments__*</c>.</summary>
public class BudgetAssignmentsColumnNameTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = base.Settings!;
            settings["SharePoint:Fields:BudgetAssignments:DiaryNumber"] = "Diarienr";
            settings["SharePoint:Fields:BudgetAssignments:Deadline"] = "Slutdatum";
            settings["SharePoint:Fields:BudgetAssignments:Title"] = "Uppdrag";
            return settings;
        }
    }

    [Fact]
    public async Task TheConfiguredInternalNamesAreWrittenMatchedAndComparedAndTheDefaultsAreNotUsed()
    {
        AddAssignment("AMN 2021-0112-1.4", deadline: "2021-06-15");
        AssignmentList.DefineColumn("Diarienr").DefineColumn("Slutdatum", type: Integration.Emulators.Graph.ColumnType.DateOnly).DefineColumn("Uppdrag");

        var counts = await SyncAsync();
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        var again = await SyncAsync("night-2");

        Assert.Equal((1, 0), (counts.Extra["published"], again.Extra["published"]));
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
        var item = AssignmentList.GetFields(1)!;
        Assert.Equal(("AMN 2021-0112-1.4", "2021-06-14T22:00:00Z", "Handlingsplan för arbetsintegrerande sociala företag"), (item["Diarienr"], item["Slutdatum"], item["Uppdrag"]));
        Assert.False(item.ContainsKey("DiaryNumber") || item.ContainsKey("Deadline") || item.ContainsKey("Title"));
        Assert.Equal(Board, item["ResponsibleBoard"]);
    }
}
