using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64); its path is stamped into
/// this assembly by the test project, so nothing is downloaded at test time.
/// </summary>
internal static partial class BicepCli
{
    private static readonly Lazy<string> LazyPath = new(Locate);

    public static string ExecutablePath => LazyPath.Value;

    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than 2 minutes.");
        }

        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Bicep CLI not found at '{path}'. It comes from the Azure.Bicep.CommandLine.linux-x64 package reference in Functions.Tests.csproj; run dotnet restore.");
        }

        // Some NuGet extractions drop the execute bit of package content. (The package is linux-x64 only.)
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }

    [GeneratedRegex(@"^.+\(\d+,\d+\) : (Warning|Error) .+$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticLine();
}

internal sealed record BicepResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Every warning and error Bicep reported. Rules turned off in bicepconfig.json never appear.</summary>
    public IReadOnlyList<string> Diagnostics =>
        BicepCli.DiagnosticLine().Matches(StdErr + "\n" + StdOut).Select(m => m.Value.TrimEnd()).ToList();
}
