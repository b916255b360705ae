using Integration.Core.Queues;
using Integration.Core.Sync;
using Integration.Emulators.Registry;
using Integration.Functions.Tests.Enterprises;
using Integration.Functions.Tests.Harness;
using Integration.Functions.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Deployment;

/// <summary>The run history in the portal: the query pack and the workbook, and the alert rules' queries that go with them.</summary>
internal static class RunHistory
{
    public static ArmTemplate.Scope Module =>
        ArmTemplate.Main.Resources().First(r => (string?)r.Resource["type"] == "Microsoft.OperationalInsights/queryPacks").Scope;

    public static ArmTemplate.Scope AlertsModule =>
        ArmTemplate.Main.Resources().First(r => (string?)r.Resource["type"] == "Microsoft.Insights/scheduledQueryRules").Scope;

    /// <summary>The saved queries, key to KQL.</summary>
    public static IReadOnlyDictionary<string, string> Queries =>
        Module.Template["variables"]?["queries"]?.AsObject().ToDictionary(q => q.Key, q => (string?)q.Value?["body"] ?? "")
        ?? throw new InvalidOperationException("run-history.bicep has no queries variable.");

    public static string AlertQuery(string name) =>
        (string?)AlertsModule.Template["variables"]?[name] ?? throw new InvalidOperationException($"alerts.bicep has no {name}.");

    /// <summary>Queries that parse what the Functions host writes, not the app: their wording is checked, not a captured line.</summary>
    public static readonly IReadOnlyList<string> HostQueries = ["poisonMessages"];

    /// <summary>Which night below proves each query's patterns.</summary>
    public static readonly IReadOnlyList<string> TeamsNightQueries = ["lastNights", "steps", "dataProblems", "teamsRefused"];

    public static readonly IReadOnlyList<string> RegistryNightQueries = ["registryFailures", "registryNights"];

    /// <summary>Every parse and extract pattern of <paramref name="query"/> matches at least one line.</summary>
    public static void EachPatternMatchesALine(string name, string query, IReadOnlyList<string> lines)
    {
        var patterns = KqlPatterns.Of(query);
        Assert.True(patterns.Count > 0, $"{name} parses nothing.");
        Assert.All(patterns, p => Assert.True(lines.Any(p.Pattern.IsMatch),
            $"{name}: no line the night wrote matches {p.Source}\nThe lines:\n{string.Join("\n", lines)}"));
    }
}

public class RunHistoryTests
{
    [Fact]
    public void The_query_pack_holds_every_query_and_the_workbook_shows_them_over_the_workspace()
    {
        var template = ArmTemplate.Main;
        var queries = RunHistory.Queries;
        var pack = Assert.Single(template.ResourcesOfType("Microsoft.OperationalInsights/queryPacks"));
        var saved = Assert.Single(template.ResourcesOfType("Microsoft.OperationalInsights/queryPacks/queries"));
        var workbook = Assert.Single(template.ResourcesOfType("Microsoft.Insights/workbooks"));

        Assert.StartsWith("[format('pack-{0}'", (string?)pack["name"], StringComparison.Ordinal);
        Assert.Equal("[length(items(variables('queries')))]", (string?)saved["copy"]?["count"]);
        Assert.Equal("[trim(items(variables('queries'))[copyIndex()].value.body)]", (string?)saved["properties"]?["body"]);
        Assert.Equal("[parameters('workspaceId')]", (string?)workbook["properties"]?["sourceId"]);
        var sections = RunHistory.Module.Template["variables"]?["workbookSections"]?.AsArray().Select(s => (string?)s?["key"]).ToList();
        Assert.Equal(queries.Keys.Order(StringComparer.Ordinal), sections?.Order(StringComparer.Ordinal));
        Assert.Contains("serializedData", workbook["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Every_query_is_proved_by_a_night_below_or_is_the_hosts()
    {
        var proved = RunHistory.TeamsNightQueries.Concat(RunHistory.RegistryNightQueries).Concat(RunHistory.HostQueries);

        Assert.Equal(RunHistory.Queries.Keys.Order(StringComparer.Ordinal), proved.Order(StringComparer.Ordinal));
        // The host's own words when it moves a message to a poison queue (WebJobs queue listener).
        Assert.Contains("Moving message to queue '", RunHistory.Queries["poisonMessages"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_runbook_links_the_query_pack_and_the_workbook()
    {
        var runbook = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "operations.md"));

        Assert.Contains("Nightly sync: run history", runbook, StringComparison.Ordinal);
        Assert.Contains("pack-", runbook, StringComparison.Ordinal);
        Assert.All(RunHistory.Queries.Keys, key =>
        {
            var title = (string?)RunHistory.Module.Template["variables"]?["queries"]?[key]?["displayName"];
            Assert.Contains(title!, runbook, StringComparison.Ordinal);
        });
    }
}

/// <summary>A night with steps, a quarantined item and a person Teams refuses, logged through a capturing logger.</summary>
public class RunHistoryTeamsNightTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override bool ActivityFeedEnabled => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Information));
    }

    [Fact]
    public async Task The_workbook_and_alert_patterns_match_the_lines_a_night_writes()
    {
        Feed.SetAppInstalled("anna.lindqvist@natverket.example", false);
        Harness.List.AddPlanItem("Annas försenade aktivitet", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Omars försenade aktivitet", Omar, Today.AddDays(-2));
        Harness.List.AddPlanItem("Aktivitet utan slutdatum", Omar, null);
        var night = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        await Harness.Get<QueueMessageDispatcher>().DispatchAsync(
            QueueNames.SyncSource, $$"""{"kind":"sync-source","schemaVersion":1,"runId":"{{night.RunId}}","source":"PlanItems"}""", 1, CancellationToken.None);
        await Harness.ScanAsync();
        Assert.Empty(await WorkQueueAsync());
        var digest = await DigestAsync(night.RunId);
        Assert.Equal(1, digest.Counts["failed"]);

        var lines = Harness.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();

        Assert.Contains(lines, l => l.Contains("step PlanItems recorded Succeeded", StringComparison.Ordinal) && l.Contains("quarantined=1", StringComparison.Ordinal));
        foreach (var name in RunHistory.TeamsNightQueries)
        {
            RunHistory.EachPatternMatchesALine(name, RunHistory.Queries[name], lines);
        }

        RunHistory.EachPatternMatchesALine("teamsRefusedQuery (alert)", RunHistory.AlertQuery("teamsRefusedQuery"), lines);
    }
}

/// <summary>A night whose registry lookups fail, logged through a capturing logger.</summary>
public sealed class RunHistoryRegistryNightTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    private const string ClientId = "natverket-registry";
    private const string Secret = "registry-secret-value";

    private BolagsverketStandIn _registry = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Registry:BaseUrl"] = _registry.BaseUrl.ToString(),
        ["Registry:TokenUrl"] = _registry.TokenUrl.ToString(),
        ["Registry:ClientId"] = ClientId,
        ["Registry:ClientSecret"] = Secret,
        ["Registry:RequestsPerMinute"] = "6000",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Information));
    }

    public override async Task InitializeAsync()
    {
        _registry = await BolagsverketStandIn.StartAsync(ClientId, Secret);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task The_registry_patterns_match_the_lines_a_night_with_failed_lookups_writes()
    {
        AddEnterprise("Gröna Hjärtat", NumberA);
        AddEnterprise("Kafé Trappan", NumberB);
        _registry.Faults.ServerError(count: 1000);

        var work = SyncEnterprisesAsync("night-1");
        while (!work.IsCompleted)
        {
            // The registry's pacing waits on the app's clock.
            Harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(work, Task.Delay(20));
        }

        Assert.Equal(2, (await work).Extra["registryFailed"]);
        var lines = Harness.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();

        foreach (var name in RunHistory.RegistryNightQueries)
        {
            RunHistory.EachPatternMatchesALine(name, RunHistory.Queries[name], lines);
        }

        RunHistory.EachPatternMatchesALine("registryFailingQuery (alert)", RunHistory.AlertQuery("registryFailingQuery"), lines);
        Assert.Contains(lines, l => l.StartsWith("Registry check: ", StringComparison.Ordinal) && l.Contains(" 2 failed,", StringComparison.Ordinal));
    }
}
