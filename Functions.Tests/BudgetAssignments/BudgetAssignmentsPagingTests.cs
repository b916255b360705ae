using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>Many assignments, read two a page.</summary>
public class BudgetAssignmentsPagingTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    protected override int PageSize => 2;

    [Fact]
    public async Task EveryPageIsReadUntilTheLastOne()
    {
        for (var i = 1; i <= 5; i++) AddAssignment($"AMN 2021-{100 + i:D4}", changed: Changed.AddMinutes(-i * 10));

        var counts = await SyncAsync();

        Assert.Equal((5, 5), (counts.Read, counts.Created));
        Assert.Equal(5, (await RowsAsync()).Count);
        var calls = GetCasesCalls();
        Assert.Equal([0, 1, 2], calls.Select(c => c.GetProperty("Page").GetInt32()));
        Assert.All(calls, c => Assert.Equal(2, c.GetProperty("MaxReturnedCases").GetInt32()));
    }
}
