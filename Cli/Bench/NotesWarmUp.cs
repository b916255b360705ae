using Integration.Cli.Hosting;
using Integration.Core.Hosting;
using Integration.Core.MeetingNotes;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Bench;

/// <summary>
/// Before a meeting-notes phase is timed, its process syncs a small library in an Azurite and a Graph stand-in
/// of their own: a full sync, new versions of a fifth of the notes and their sync, and a quiet night. Download,
/// hashing, archive and index code is then compiled and connected, as in a host that has been running. The
/// registration handler is not warmed: the warm-up has no case system.
/// </summary>
internal static class NotesWarmUp
{
    /// <summary>Environment prefix of the warm-up's own settings (<c>NotesWarmUp__AzureWebJobsStorage</c>, …).</summary>
    public const string Section = "NotesWarmUp";

    public const int Notes = 20;
    public const long MinBytes = 20L * 1024;
    public const long MaxBytes = 200L * 1024;

    public static async Task RunAsync(IConfiguration warmUp, CancellationToken ct)
    {
        await ScratchStorage.EmptyAsync(warmUp["AzureWebJobsStorage"]!, ct);
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(warmUp);
        await using var provider = services.BuildServiceProvider();
        var sync = provider.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source);

        await sync.RunAsync("warm-up-full", ct);
        using (var control = new GraphStandInControl(new Uri(warmUp["SharePoint:GraphBaseUrl"]!)))
        {
            await control.MutateMeetingNotesAsync(warmUp["SharePoint:Libraries:MeetingNotes"]!, 0.2, seed: Environment.ProcessId, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        }

        await sync.RunAsync("warm-up-night", ct);
        await sync.RunAsync("warm-up-quiet", ct);
    }
}
