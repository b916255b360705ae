using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integration.Core.Hosting;
using Integration.Core.Queues;
using Integration.Core.Sync;
using Integration.Emulators.Azurite;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The alert rules in the deployment: which exist, whom they tell, and that the log lines they
/// parse are the ones the code writes. A night runs against the Graph stand-in and Azurite with a
/// capturing logger, and each of its lines is matched against the rules' patterns.
/// </summary>
public class AlertTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static ArmTemplate Template => ArmTemplate.Main;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddFakeLogging());

    private static ArmTemplate.Scope AlertsModule =>
        Template.Resources().First(r => (string?)r.Resource["type"] == "Microsoft.Insights/scheduledQueryRules").Scope;

    private static string Variable(string name) => (string?)AlertsModule.Template["variables"]?[name] ?? throw new InvalidOperationException($"No variable {name}.");

    [Fact]
    public void FiveLogAlertsWatchTheWorkspaceForAFailedNightAPoisonMessageNoCompletedNightTheRegistryAndTeamsRefusals()
    {
        var rules = Template.ResourcesOfType("Microsoft.Insights/scheduledQueryRules").ToList();

        Assert.Equal(5, rules.Count);
        Assert.All(rules, r =>
        {
            Assert.Equal("LogAlert", (string?)r["kind"]);
            Assert.Contains("workspaceId", r["properties"]?["scopes"]?.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("actionGroup", AlertsModule.Resolve(r["properties"]?["actions"]).Node?.ToJsonString(), StringComparison.Ordinal);
        });
        var names = rules.Select(r => (string?)r["name"] ?? "").ToList();
        Assert.Contains(names, n => n.Contains("alert-failed-night", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("alert-poison-message", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("alert-no-completed-night", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("alert-registry-failing", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("alert-teams-refused", StringComparison.Ordinal));
    }

    [Fact]
    public void ACompletedNightCountsItsSourcesNotTheStepsAfterThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        using var services = new ServiceCollection().AddLogging().AddIntegration(configuration).BuildServiceProvider();
        var steps = services.GetRequiredService<NightSteps>().All.Select(s => $"\"{s.Name}\"");

        Assert.Contains($"| where Step !in ({string.Join(", ", steps)})", Variable("completedNightQuery"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheActionGroupEmailsTheAddressGivenAsAParameter()
    {
        var group = Assert.Single(Template.ResourcesOfType("Microsoft.Insights/actionGroups"));
        var receiver = Assert.Single(group["properties"]?["emailReceivers"]?.AsArray() ?? []);

        Assert.Equal("[parameters('alertEmail')]", (string?)receiver?["emailAddress"]);
        Assert.NotNull(Template.Root["parameters"]?["alertEmail"]);
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))?["parameters"]?["alertEmail"]?["value"];
        Assert.Equal("${ALERT_EMAIL}", (string?)file);
    }

    [Fact]
    public void AFailedStepCountsOnItsLastTryAsHostJsonSetsIt()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")));
        var maxDequeueCount = host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        var passed = Template.Resources().Single(r => (string?)r.Resource["name"] == "alerts").Resource["properties"]?["parameters"]?["maxDequeueCount"]?["value"];
        var (value, _) = Template.Templates().First().Resolve(passed);

        Assert.Equal(maxDequeueCount, (int?)value);
        Assert.Contains("Attempt >= {maxDequeueCount}", Variable("failedStepQuery"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLinesTheRulesParseAreTheLinesANightWrites()
    {
        Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, new DateOnly(2027, 2, 1));
        var night = await Harness.Get<NightlyCycle>().StartAsync(CancellationToken.None);
        var dispatcher = Harness.Get<QueueMessageDispatcher>();
        await dispatcher.DispatchAsync(QueueNames.SyncSource, $$"""{"kind":"sync-source","schemaVersion":1,"runId":"{{night.RunId}}","source":"PlanItems"}""", 1, CancellationToken.None);
        var steps = Harness.Get<RunSteps>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => steps.RunAsync(night.RunId, "OverdueScan", 1, _ => throw new InvalidOperationException("down"), CancellationToken.None));

        var lines = Harness.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();

        Assert.Contains(lines, l => Pattern(Variable("completedNightQuery"), "Nightly run ").IsMatch(l));
        Assert.Contains(lines, l => Pattern(Variable("completedNightQuery"), "Run ").IsMatch(l) && l.Contains("step PlanItems", StringComparison.Ordinal));
        Assert.Contains(lines, l => Pattern(Variable("failedStepQuery"), "Run ").IsMatch(l) && l.Contains("step OverdueScan", StringComparison.Ordinal));
        // The host's own words when it moves a message to a poison queue (WebJobs queue listener).
        Assert.Contains("Moving message to queue", Variable("poisonQuery"), StringComparison.Ordinal);
    }

    /// <summary>The rule's KQL <c>parse Message with "Run " RunId " step " …</c> that starts with <paramref name="start"/>, as a regex.</summary>
    private static Regex Pattern(string query, string start)
    {
        var parse = query.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith($"| parse Message with \"{start}", StringComparison.Ordinal));
        var parts = Regex.Matches(parse["| parse Message with ".Length..], "\"([^\"]*)\"|(\\w+(?::int)?)").Select(m => m.Groups[1].Success
            ? Regex.Escape(m.Groups[1].Value)
            : m.Groups[2].Value.EndsWith(":int", StringComparison.Ordinal) ? @"\d+" : @"\S+");
        return new Regex("^" + string.Concat(parts) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
