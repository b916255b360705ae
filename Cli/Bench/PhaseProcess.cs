using System.Diagnostics;
using System.Text.Json;

namespace Integration.Cli.Bench;

/// <summary>Runs one bench phase in a child process of this CLI (<c>bench-phase {name}</c>) and reads its result line.</summary>
internal static class PhaseProcess
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="environment">The phase's whole configuration, as environment variables.</param>
    public static async Task<PhaseResult> RunAsync(string phase, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(PhaseProcess).Assembly.Location);
        start.ArgumentList.Add("bench-phase");
        start.ArgumentList.Add(phase);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a bench phase.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"Bench phase {phase} failed (exit {process.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<PhaseResult>(lines[^1], Json)
            ?? throw new InvalidOperationException($"Bench phase {phase} printed no result.");
    }
}
