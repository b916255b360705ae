using Integration.Cli.Hosting;
using Integration.Core.Hosting;
using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Bench;

/// <summary>
/// Before a phase is timed, its process runs a whole night's code once against a small list in an
/// Azurite and a Graph stand-in of their own: a full sync, a scan, the echo, a 5% change, a sync,
/// a scan and the naive baseline. JIT compilation and first calls are then paid for, and the timed
/// phase measures the code and the store as a host that has been running does. What a cold
/// process adds is measured apart (a quiet night without warm-up) and reported.
/// </summary>
internal static class BenchWarmUp
{
    /// <summary>Environment prefix of the warm-up's own settings (<c>BenchWarmUp__AzureWebJobsStorage</c>, …).</summary>
    public const string Section = "BenchWarmUp";

    public const int Items = 500;

    public static async Task RunAsync(IConfiguration warmUp, CancellationToken ct)
    {
        await ScratchStorage.EmptyAsync(warmUp["AzureWebJobsStorage"]!, ct);
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(warmUp);
        await using var provider = services.BuildServiceProvider();
        var sync = provider.GetServices<ISourceSync>().Single(s => s.Source == PlanItemsModule.Source);
        var scanner = provider.GetRequiredService<OverdueScanner>();

        await sync.RunAsync("warm-up-full", ct);
        await scanner.ScanAsync(ct);
        await sync.RunAsync("warm-up-echo", ct);
        using (var control = new GraphStandInControl(new Uri(warmUp["SharePoint:GraphBaseUrl"]!)))
        {
            await control.MutatePlanItemsAsync(0.05, seed: Environment.ProcessId, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        }

        await sync.RunAsync("warm-up-night", ct);
        await scanner.ScanAsync(ct);
        await ActivatorUtilities.CreateInstance<NaiveSync>(provider).RunAsync(ct);
    }
}
