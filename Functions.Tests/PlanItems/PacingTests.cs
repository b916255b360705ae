using System.Diagnostics;
using Integration.Cli.RunOnce;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint.Pacing;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// A night paced to SharePoint's resource-unit budget, against the stand-in metering the same budget over a
/// window shortened to a second: throttling is the exception, not the pacing, and SharePoint's RateLimit
/// headers hold the night when someone else has spent the window.
/// </summary>
public class PacingTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const int Budget = 200;
    private const int Items = 120;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly DateOnly LongAgo = new(2026, 6, 1);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:PageSize"] = "50",
        ["SharePoint:ResourceUnitsPerMinute"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SharePoint:ResourceUnitWindow"] = "00:00:01",
    };

    private async Task SeedOverdueAsync()
    {
        for (var i = 0; i < Items; i++) Harness.List.AddPlanItem($"Aktivitet {i}", i % 2 == 0 ? Anna : Omar, LongAgo.AddDays(i));
        await Harness.SyncAsync("first");
        Harness.Graph.Budget.Set(Budget, Window);
        // A new window for the scan, whatever the sync spent.
        await Task.Delay(Window);
        Harness.Graph.Requests.Clear();
    }

    [Fact]
    public async Task AScanOfMoreWritesThanTheBudgetTakesIsSpreadOverItsWindowsNotThrottled()
    {
        await SeedOverdueAsync();
        var budget = Harness.Get<ResourceUnitBudget>();
        var waitedBefore = budget.Waited;

        var clock = Stopwatch.StartNew();
        var scan = await Harness.ScanAsync();
        var elapsed = clock.Elapsed;

        Assert.Equal(Items, scan.FlagWrites);
        var requests = Harness.Graph.Requests.CountByKind();
        Assert.Equal(2 * Items, requests.ResourceUnits);
        // 240 units against 200 a second: without pacing the six batches go at once and the last
        // twenty writes meet the budget's 429; paced from a bucket of 40, the night waits for its units.
        Assert.True(requests.Throttled <= 1, $"{requests.Throttled} answers throttled");
        Assert.True(requests.MostThrottlesOfOneRequest <= 1);
        Assert.True(budget.Waited > waitedBefore, "no call waited for the budget");
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"the scan took {elapsed}");
    }

    [Fact]
    public async Task WhenSomeoneElseHasSpentTheWindowTheRateLimitHeadersHoldTheNight()
    {
        await SeedOverdueAsync();
        // Another app, or another instance of this one, spends 160 of the window's 200 units: eight batches
        // of twenty reads, quick enough that the window does not reset meanwhile.
        using var other = new HttpClient();
        var reads = string.Join(',', Enumerable.Range(1, 20).Select(i => $$"""{"id":"{{i}}","method":"GET","url":"/sites/{{Harness.Site.Id}}"}"""));
        for (var i = 0; i < 8; i++)
        {
            using var body = new StringContent($$"""{"requests":[{{reads}}]}""", System.Text.Encoding.UTF8, "application/json");
            using var answer = await other.PostAsync(new Uri($"{Harness.Graph.BaseUrl}/$batch"), body);
            answer.EnsureSuccessStatusCode();
        }

        Assert.Equal(160, Harness.Graph.Budget.Used);

        Harness.Graph.Requests.Clear();
        var scan = await Harness.ScanAsync();

        Assert.Equal(Items, scan.FlagWrites);
        Assert.Equal(0, scan.Failures);
        var requests = Harness.Graph.Requests.CountByKind();
        // The first batch spends what is left; its answers say the window is spent, so the night waits
        // for the reset instead of sending the next batch into 429s.
        Assert.True(requests.Throttled <= 2, $"{requests.Throttled} answers throttled");
        Assert.True(requests.MostThrottlesOfOneRequest <= 1);
    }

    [Fact]
    public async Task ARunOnceNightAgainstTheBudgetShowsThePacingInItsProgress()
    {
        for (var i = 0; i < Items; i++) Harness.List.AddPlanItem($"Aktivitet {i}", i % 2 == 0 ? Anna : Omar, LongAgo.AddDays(i));
        Harness.Graph.Budget.Set(Budget, Window);
        var progress = new List<string>();

        var summary = await new RunOnceRunner(Harness.Configuration, verbose: false, progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

        Assert.Equal(Items, summary.Step(OverdueScanStep.Step).Count("newlyOverdue"));
        var pacing = Assert.Single(progress, p => p.StartsWith("SharePoint: ", StringComparison.Ordinal));
        Assert.Contains("paced to 200 units per 00:00:01", pacing, StringComparison.Ordinal);
        Assert.Matches(@"calls waited [1-9]\d*\.\d s", pacing);
        var requests = Harness.Graph.Requests.CountByKind();
        Assert.True(requests.Throttled <= 1, $"{requests.Throttled} answers throttled");
        Assert.Contains($"{requests.Throttled} answer(s) throttled", pacing, StringComparison.Ordinal);
    }
}
