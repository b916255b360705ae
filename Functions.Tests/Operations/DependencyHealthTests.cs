using Integration.Core.Operations;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;
using Integration.Functions.Tests.MeetingNotes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Functions.Tests.Operations;

/// <summary>
/// Health per dependency: storage (Azurite), Graph (the Graph stand-in) and the case system (the
/// SIF stand-in), each reached by our real clients, and the last night from the run records.
/// </summary>
public class DependencyHealthTests(AzuriteFixture azurite) : CaseSystemTest(azurite)
{
    private string? _graphBaseUrl;

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings!);
            if (_graphBaseUrl is not null) settings["SharePoint:GraphBaseUrl"] = _graphBaseUrl;
            return settings;
        }
    }

    // The harness's clock stands still: retries within a call come at once here.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);

    private Task<HealthAnswer> CheckAsync() => Harness.Get<DependencyHealth>().CheckAsync(CancellationToken.None);

    private async Task RecordCompletedNightAsync()
    {
        var runs = Harness.Get<SyncRunStore>();
        await runs.SaveLatestNightAsync("night-1", CancellationToken.None);
        await runs.SaveAsync(new Core.Sync.SyncRunRecord("night-1", "PlanItems", Core.Sync.SyncRunStatus.Succeeded, null, Core.Sync.SyncRunRecord.NoCounts, 1, Harness.Time.GetUtcNow()), CancellationToken.None);
    }

    [Fact]
    public async Task EveryConfiguredDependencyIsCheckedAndAllAreHealthyAfterANight()
    {
        await RecordCompletedNightAsync();

        var answer = await CheckAsync();

        Assert.Equal("Healthy", answer.Status);
        Assert.False(answer.IsDown);
        Assert.Equal(["caseSystem", "graph", "lastNight", "storage"], answer.Checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(answer.Checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Equal(1, Sif.Requests.All.Count(r => r.Operation == "GetDocuments"));
    }

    [Fact]
    public async Task ACaseSystemThatIsDownIsNamedAndTheRestStayHealthy()
    {
        await RecordCompletedNightAsync();
        Sif.Faults.Unavailable(null, count: 10_000, retryAfter: TimeSpan.Zero);

        var answer = await CheckAsync();

        Assert.True(answer.IsDown);
        Assert.Equal("Unhealthy", answer.Status);
        Assert.Equal(["caseSystem"], answer.Down);
        Assert.Equal("unreachable or failing", answer.Checks["caseSystem"].Detail);
        Assert.Equal(("Healthy", "Healthy"), (answer.Checks["storage"].Status, answer.Checks["graph"].Status));
    }

    [Fact]
    public async Task ACaseSystemThatRefusesOurKeyIsNamedWithoutItsWords()
    {
        var settings = new Dictionary<string, string?>(Settings!) { ["CaseSystem:ApiKey"] = "not-the-key" };
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: settings);

        var answer = await harness.Get<DependencyHealth>().CheckAsync(CancellationToken.None);

        Assert.Equal(["caseSystem"], answer.Down);
        Assert.Equal("refuses our requests (key, permissions or the network's case)", answer.Checks["caseSystem"].Detail);
    }

    [Fact]
    public async Task GraphThatDoesNotAnswerIsNamed()
    {
        _graphBaseUrl = $"http://127.0.0.1:{ClosedPort.Next()}/v1.0";
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: Settings, configure: ConfigureServices);

        var answer = await harness.Get<DependencyHealth>().CheckAsync(CancellationToken.None);

        Assert.Equal(["graph"], answer.Down);
        Assert.StartsWith("unreachable", answer.Checks["graph"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCompletedNightIsDegradedButNotDown()
    {
        var answer = await CheckAsync();

        Assert.Equal(("Degraded", false), (answer.Status, answer.IsDown));
        Assert.Equal(("Degraded", "no completed night among the last five"), (answer.Checks["lastNight"].Status, answer.Checks["lastNight"].Detail));

        await RecordCompletedNightAsync();
        Harness.Time.Advance(TimeSpan.FromHours(27));
        var later = await CheckAsync();
        Assert.Equal("Degraded", later.Checks["lastNight"].Status);
        Assert.Contains("more than 26 hours ago", later.Checks["lastNight"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnswerIsKeptForAMinuteSoABusyProbeCostsOneCheck()
    {
        await RecordCompletedNightAsync();

        var first = await CheckAsync();
        await CheckAsync();
        Harness.Time.Advance(TimeSpan.FromSeconds(59));
        var cached = await CheckAsync();
        Assert.Same(first, cached);
        Assert.Equal(1, Sif.Requests.All.Count(r => r.Operation == "GetDocuments"));

        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        var fresh = await CheckAsync();
        Assert.NotSame(first, fresh);
        Assert.Equal(2, Sif.Requests.All.Count(r => r.Operation == "GetDocuments"));
    }

    [Fact]
    public async Task AnUnconfiguredCaseSystemIsNotChecked()
    {
        var settings = new Dictionary<string, string?>(Settings!) { ["CaseSystem:BaseUrl"] = null };
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: settings);

        var answer = await harness.Get<DependencyHealth>().CheckAsync(CancellationToken.None);

        Assert.DoesNotContain("caseSystem", answer.Checks.Keys);
        Assert.Empty(Sif.Requests.All);
    }
}
