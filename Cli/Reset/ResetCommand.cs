using Integration.Core.Hosting;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Cli.Reset;

/// <summary>
/// <c>reset &lt;source&gt; [--yes]</c>: the next night reads the source in full. Asks first, since
/// a full read of a large list costs SharePoint far more than a night's delta; <c>--yes</c> is for scripts.
/// </summary>
internal static class ResetCommand
{
    /// <returns>0 reset; 1 not confirmed; 2 an unknown source.</returns>
    public static async Task<int> RunAsync(IConfiguration configuration, string source, bool yes, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error));
        services.AddIntegration(configuration);
        var sources = SyncSources.From(services);
        if (!sources.Contains(source))
        {
            await error.WriteLineAsync($"Unknown source '{source}'; expected one of {string.Join(", ", sources.Names)}.");
            return 2;
        }

        if (!yes)
        {
            await error.WriteAsync($"Reset {source}: its checkpoint and digest are deleted, and the next night reads it in full. " +
                "Data rows, archived notes and registrations stay. Continue? [y/N] ");
            var answer = (await input.ReadLineAsync(ct))?.Trim();
            if (answer is null || !(answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase) || answer.Equals("j", StringComparison.OrdinalIgnoreCase) || answer.Equals("ja", StringComparison.OrdinalIgnoreCase)))
            {
                await error.WriteLineAsync("Not reset: nothing was changed (give --yes to reset without asking).");
                return 1;
            }
        }

        await using var provider = services.BuildServiceProvider();
        SourceResetResult result;
        try
        {
            result = await provider.GetRequiredService<SourceReset>().ResetAsync(source, ct);
        }
        catch (Core.Sync.State.SourceBusyException busy)
        {
            await error.WriteLineAsync($"Not reset: {busy.Message} Try again when the run has finished.");
            return 1;
        }

        await output.WriteLineAsync(
            $"{source} reset: checkpoint {(result.CheckpointDeleted ? "deleted" : "was not there")}, digest {(result.DigestDeleted ? "deleted" : "was not there")}. " +
            "The next night reads it in full.");
        return 0;
    }
}
