using System.Diagnostics;
using System.Text.Json;
using Integration.Functions.Tests.Infrastructure;

namespace Integration.Functions.Tests.Cli;

/// <summary>The CLI as a process, configured through environment variables as in a pipeline.</summary>
public class CliProcessTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(string arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Integration.Cli.dll"));
        foreach (var arg in arguments.Split(' ')) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

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

        var (exitCode, stdout, stderr) = await RunCliAsync("run-once --json", Environment());

        Assert.True(exitCode == 0, stderr);
        var last = stdout.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        Assert.True(json.RootElement.GetProperty("succeeded").GetBoolean());
        var plan = json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "PlanItems");
        Assert.Equal(1, plan.GetProperty("read").GetInt32());
        Assert.Equal(1, plan.GetProperty("created").GetInt32());
        Assert.Equal(1, plan.GetProperty("newlyOverdue").GetInt32());
        Assert.Equal(1, plan.GetProperty("notifications").GetInt32());
        Assert.Equal("skipped", json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "MeetingNotes").GetProperty("status").GetString());
        Assert.Contains("Run ", stderr, StringComparison.Ordinal); // progress goes to stderr
        Assert.DoesNotContain("anna.lindqvist", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadConfigurationStopsWithTheKeyNamed()
    {
        var environment = Environment();
        environment["SharePoint__GraphBaseUrl"] = "https://graph.microsoft.com/v1.0";

        var (exitCode, _, stderr) = await RunCliAsync("run-once", environment);

        Assert.Equal(2, exitCode);
        Assert.Contains("SharePoint__Auth=None", stderr, StringComparison.Ordinal);
    }
}
