using System.Text.Json;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Cli;

/// <summary>The CLI as a process, configured through environment variables as in a pipeline.</summary>
public class CliProcessTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private Dictionary<string, string> Environment() => new()
    {
        ["AzureWebJobsStorage"] = Azurite.ConnectionString,
        ["SharePoint__GraphBaseUrl"] = Harness.Graph.BaseUrl.ToString(),
        ["SharePoint__Auth"] = "None",
        ["SharePoint__SiteId"] = Harness.Site.Id,
        ["SharePoint__Lists__PlanItems"] = "Handlingsplan",
    };

    [Fact]
    public async Task RunOnceWithJsonEndsStdoutWithTheSummaryObject()
    {
        Harness.List.AddPlanItem("Försenad – معلومات 🌱", Anna, new DateOnly(2020, 1, 15));

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("run-once --json", Environment());

        Assert.True(exitCode == 0, stderr);
        var last = stdout.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        Assert.True(json.RootElement.GetProperty("succeeded").GetBoolean());
        var plan = json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "PlanItems");
        Assert.Equal(1, plan.GetProperty("read").GetInt32());
        Assert.Equal(1, plan.GetProperty("created").GetInt32());
        var scan = json.RootElement.GetProperty("overdueScan");
        Assert.Equal("succeeded", scan.GetProperty("status").GetString());
        Assert.Equal(1, scan.GetProperty("newlyOverdue").GetInt32());
        Assert.Equal(1, scan.GetProperty("notifications").GetInt32());
        var registration = json.RootElement.GetProperty("caseRegistration");
        Assert.Equal("skipped", registration.GetProperty("status").GetString());
        Assert.Contains("CaseSystem__BaseUrl", registration.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var notifications = json.RootElement.GetProperty("notifications");
        Assert.Equal(("skipped", 0, 0, 0), (notifications.GetProperty("status").GetString(), notifications.GetProperty("channelPosts").GetInt32(), notifications.GetProperty("personal").GetInt32(), notifications.GetProperty("failed").GetInt32()));
        Assert.Contains("Teams__WorkflowWebhookUrl", notifications.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("indicators").ValueKind);
        Assert.Equal(["PlanItems", "MeetingNotes", "BudgetAssignments", "Enterprises", "Agreements"],
            json.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source").GetString()));
        Assert.Equal("skipped", json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "MeetingNotes").GetProperty("status").GetString());
        Assert.Contains("Run ", stderr, StringComparison.Ordinal); // progress goes to stderr
        Assert.DoesNotContain("anna.lindqvist", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayOfAnEmptyPoisonQueueIsNotAnErrorAndAnUnknownQueueIs()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("replay case-registration --json", Environment());
        var (unknownExit, _, unknownError) = await CliProcess.RunAsync("replay no-such-queue", Environment());

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal(("case-registration", 0, 0, 0),
            (json.RootElement.GetProperty("queue").GetString(), json.RootElement.GetProperty("replayed").GetInt32(), json.RootElement.GetProperty("succeeded").GetInt32(), json.RootElement.GetProperty("failed").GetInt32()));
        Assert.Equal(2, unknownExit);
        Assert.Contains("Unknown queue 'no-such-queue'", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadConfigurationStopsWithTheKeyNamed()
    {
        var environment = Environment();
        environment["SharePoint__GraphBaseUrl"] = "https://graph.microsoft.com/v1.0";

        var (exitCode, _, stderr) = await CliProcess.RunAsync("run-once", environment);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("SharePoint__Auth=None", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnSettingTheListDoesNotHaveExitsOneWithTheSettingNamed()
    {
        Harness.List.DefineColumn("Slutdatum", "Slutdatum", Integration.Emulators.Graph.ColumnType.DateOnly);
        Harness.List.AddPlanItem("Försenad", Anna, new DateOnly(2020, 1, 15));
        var environment = Environment();
        environment["SharePoint__Fields__PlanItems__DueDate"] = "Slutdatumm";

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("run-once", environment);

        Assert.True(exitCode == 1, $"exit {exitCode}\n{stderr}");
        var error = Assert.Single(stdout.Split('\n'), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains("SharePoint__Fields__PlanItems__DueDate is 'Slutdatumm'", error, StringComparison.Ordinal);
        Assert.Contains("the closest is 'Slutdatum'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASettingThatCannotBeConvertedStopsWithTheKeyAndTheAcceptedValues()
    {
        var environment = Environment();
        environment["SharePoint__Auth"] = "Anonymous";

        var (exitCode, _, stderr) = await CliProcess.RunAsync("run-once --json", environment);

        Assert.Equal(2, exitCode);
        Assert.Equal("Configuration error: SharePoint__Auth='Anonymous' cannot be read: it must be one of ManagedIdentity, ClientSecret, None.", stderr.Trim());
    }

    [Fact]
    public async Task RunOnceWithIdentityStorageThatDoesNotAnswerSaysSoInOneLine()
    {
        // The app's identity gets its token from a loopback stand-in of the App Service token
        // endpoint; the storage URIs point at a loopback port nobody listens on.
        await using var identity = await Integration.Emulators.Identity.ManagedIdentityStandIn.StartAsync();
        var endpoint = $"https://127.0.0.1:{ClosedPort.Next()}/devstoreaccount1";
        var environment = Environment();
        environment.Remove("AzureWebJobsStorage");
        environment["AzureWebJobsStorage__credential"] = "managedidentity";
        environment["AzureWebJobsStorage__clientId"] = "6a1f2b4c-0000-4000-8000-000000000001";
        environment["AzureWebJobsStorage__tableServiceUri"] = endpoint;
        environment["AzureWebJobsStorage__queueServiceUri"] = endpoint;
        environment["AzureWebJobsStorage__blobServiceUri"] = endpoint;
        foreach (var (key, value) in identity.Environment) environment[key] = value;

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("run-once --json", environment);

        Assert.True(exitCode == 1, $"exit {exitCode}\n{stderr}");
        var line = Assert.Single(stderr.Split('\n'), l => l.StartsWith("Storage error: ", StringComparison.Ordinal));
        Assert.Contains($"Storage at {endpoint} cannot be used", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.True(identity.TokensIssued > 0, "the storage clients did not ask the managed identity for a token");
        Assert.Equal("", stdout.Trim());
    }
}
