using System.Text.Json;
using Integration.Cli.RunOnce;
using Integration.Core.BudgetAssignments;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>run-once reports the budget assignments' publishing beside the source's usual counts.</summary>
public class BudgetAssignmentsRunOnceTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    private Task<RunSummary> RunOnceAsync() =>
        new RunOnceRunner(Harness.Configuration, verbose: false, _ => { }) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

    [Fact]
    public async Task TheJsonSummaryCarriesPublishedAndOverwrittenAndASecondRunWritesNothing()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 2019-0340-01.02", year: "2019", deadline: null, status: "A");
        var unknown = PlanItem("Nätverksträffar", "AMN 2030-0001");
        var underClosed = PlanItem("Kartlägg inköp", "AMN 2019-0340-01.02");
        PlanItem("Upphandla med reserverade kontrakt", "AMN 2021-0112-1.4");

        var first = await RunOnceAsync();
        var second = await RunOnceAsync();

        Assert.True(first.Succeeded);
        var source = Source(first);
        Assert.Equal(("succeeded", 2, 2, 2, 0), (source.GetProperty("status").GetString(), source.GetProperty("read").GetInt32(), source.GetProperty("created").GetInt32(), source.GetProperty("published").GetInt32(), source.GetProperty("overwritten").GetInt32()));

        Assert.True(second.Succeeded);
        var again = Source(second);
        Assert.Equal((0, 0), (again.GetProperty("published").GetInt32(), again.GetProperty("overwritten").GetInt32()));

        // Plan items may sync after the assignments in a night; by the second they are stored.
        Assert.Equal([unknown], again.GetProperty("planItemsWithUnknownAssignment").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([underClosed], again.GetProperty("planItemsWithClosedAssignment").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, again.GetProperty("linkedPlanItems").GetInt32());
        Assert.Equal(2, Harness.Graph.Requests.Count("POST", "/items"));
        // No PATCH to the assignments' list; the plan items may carry their warnings, depending on the order.
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", $"/lists/{AssignmentList.Id}/items"));

        using var table = new StringWriter();
        SummaryPrinter.WriteTable(first, table);
        Assert.Contains("published 2", table.ToString(), StringComparison.Ordinal);
        using var again2 = new StringWriter();
        SummaryPrinter.WriteTable(second, again2);
        Assert.Contains($"planItemsWithUnknownAssignment: {unknown}", again2.ToString(), StringComparison.Ordinal);
    }

    private string PlanItem(string title, string assignment)
    {
        var fields = PlanItemSeed.Fields(title, Anna, new DateOnly(2027, 3, 15));
        fields["BudgetAssignment"] = assignment;
        return Harness.List.Add(fields).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonElement Source(RunSummary summary)
    {
        using var json = JsonDocument.Parse(SummaryPrinter.ToJson(summary));
        return json.RootElement.GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("source").GetString() == BudgetAssignmentsModule.Source).Clone();
    }
}
