using System.Diagnostics;

namespace Integration.Functions.Tests.Harness;

/// <summary>The CLI as a process, configured only through the environment a test gives it, as in a pipeline.</summary>
public static class CliProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string arguments, IDictionary<string, string> environment)
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
        // The test's own storage setting (AzureWebJobsStorage in the runner's environment) must not
        // reach a child that is given its storage, or none, by the test.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(inherited);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
