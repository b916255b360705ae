using Integration.Core.BudgetAssignments;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>
/// A case system whose <c>TotalPageCount</c> never ends, through our SIF adapter against the
/// stand-in: the night stops with an error that says why, and keeps the last checkpoint.
/// </summary>
public class BudgetAssignmentsLoopingPagesTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    private const int MaxPages = 3;

    /// <summary>More faulty answers than an honest read would ever ask for; past them the stand-in pages honestly again.</summary>
    private const int FaultyAnswers = 50;

    protected override int PageSize => 2;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["CaseSystem:BudgetAssignments:MaxPages"] = MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<Exception> FailingNightAsync(string runId)
    {
        // A read that never stopped by itself fails here rather than hanging.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sync = Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == BudgetAssignmentsModule.Source);
        return await Assert.ThrowsAnyAsync<Exception>(() => sync.RunAsync(runId, bound.Token));
    }

    private void AddAssignments(int first, int count, DateTimeOffset changed)
    {
        for (var i = first; i < first + count; i++) AddAssignment($"AMN 2021-{100 + i:D4}", changed: changed);
    }

    [Fact]
    public async Task APageCountThatGrowsPastTheLastCaseStopsAtTheEmptyPage()
    {
        AddAssignments(1, 3, Changed);
        Sif.Faults.EndlessPages("GetCases", FaultyAnswers);

        var error = await FailingNightAsync("night-1");

        Assert.Contains("BudgetAssignments", error.Message, StringComparison.Ordinal);
        Assert.Contains("TotalPageCount", error.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], GetCasesCalls().Select(c => c.GetProperty("Page").GetInt32()));
        Assert.Null(await CheckpointAsync());
    }

    [Fact]
    public async Task ACaseSystemThatIgnoresPageStopsAtTheRepeatedPage()
    {
        AddAssignments(1, 3, Changed);
        Sif.Faults.RepeatedPage("GetCases", FaultyAnswers);

        var error = await FailingNightAsync("night-1");

        Assert.Contains("BudgetAssignments", error.Message, StringComparison.Ordinal);
        Assert.Contains("same cases as page 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, GetCasesCalls().Count);
        Assert.Null(await CheckpointAsync());
    }

    [Fact]
    public async Task APageCountThatKeepsGrowingStopsAtTheCapAndKeepsTheCheckpoint()
    {
        AddAssignments(1, 2, Changed);
        await SyncAsync("night-1");
        var before = await CheckpointAsync();
        AddAssignments(3, 10, Changed.AddHours(1));
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Sif.Requests.Clear();
        Sif.Faults.EndlessPages("GetCases", FaultyAnswers);

        var error = await FailingNightAsync("night-2");

        Assert.Contains("BudgetAssignments", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{MaxPages} pages", error.Message, StringComparison.Ordinal);
        Assert.Contains("CaseSystem__BudgetAssignments__MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Equal(MaxPages, GetCasesCalls().Count);
        Assert.Equal(before, await CheckpointAsync());
    }
}
