using Azure.Data.Tables;
using Integration.Core.MeetingNotes;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Demo;

/// <summary>The demo's meeting notes as the index has them: each archived version with its document number, and what went to quarantine.</summary>
internal static class DemoNotesReport
{
    public static async Task WriteAsync(IServiceProvider provider, TextWriter output, CancellationToken ct)
    {
        var table = await provider.GetRequiredService<MeetingNoteStore>().TableAsync(ct);
        output.WriteLine();
        output.WriteLine($"Meeting notes archived (blob = SHA-256) and registered on {DemoNotes.NetworkCase}:");
        await foreach (var version in table.QueryAsync<TableEntity>(e => e.PartitionKey == MeetingNoteStore.VersionsPartition, cancellationToken: ct))
        {
            var state = version.GetString(MeetingNoteStore.RegistrationStateColumn);
            var registration = state == RegistrationState.Registered ? $"document {version.GetString("DocumentNumber")}" : $"{state}: {version.GetString("LastError")}";
            output.WriteLine($"  {version.GetString("MeetingDate")} {version.GetString("Group"),-10} {version.GetString("FileName")}");
            output.WriteLine($"  {"",21}archive {version.GetString("Sha256")?[..16]}…, {version.GetInt64("Size"):N0} bytes; {registration}");
        }

        output.WriteLine();
        output.WriteLine("Meeting notes quarantined (fix these in SharePoint):");
        await foreach (var entry in provider.GetRequiredService<QuarantineStore>().OpenEntriesAsync(MeetingNotesModule.Source, ct))
        {
            output.WriteLine($"  {entry.Label}: {entry.Reason}");
        }
    }
}
