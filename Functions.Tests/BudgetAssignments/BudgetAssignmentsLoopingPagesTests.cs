using Integration.Core.BudgetAssignments;
using Integration.Core.Sync;
using Integration.Emulators.CaseSystem;
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

    [Theory]
    [InlineData(SifFaultKind.EndlessPages, "answered page 2 of case type UPPDRAG with no cases, yet a TotalPageCount of 4", 3)]
    [InlineData(SifFaultKind.RepeatedPage, "answered page 1 of case type UPPDRAG with the same cases as page 0", 2)]
    public async Task APageCountThatCannotBeTrustedStopsTheReadWithoutACheckpoint(SifFaultKind fault, string says, int calls)
    {
        AddAssignments(1, 3, Changed);
        if (fault == SifFaultKind.EndlessPages) Sif.Faults.EndlessPages("GetCases", FaultyAnswers);
        else Sif.Faults.RepeatedPage("GetCases", FaultyAnswers);

        var error = await FailingNightAsync("night-1");

        Assert.StartsWith("BudgetAssignments: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, calls), GetCasesCalls().Select(c => c.GetProperty("Page").GetInt32()));
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

        Assert.StartsWith("BudgetAssignments: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reached {MaxPages} pages", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise CaseSystem__BudgetAssignments__MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Equal(MaxPages, GetCasesCalls().Count);
        Assert.Equal(before, await CheckpointAsync());
    }
}
