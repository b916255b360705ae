using Azure.Data.Tables;
using Integration.Core.MeetingNotes;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>What a meeting-notes run leaves when it stops part-way, made by hand from a finished one.</summary>
internal static class StoppedRun
{
    /// <summary>
    /// Stopped after its pages' archives and version rows, before the engine's rows and checkpoint:
    /// no checkpoint, no digest, no file rows, so the next run reads the library in full and finds
    /// every note new again, its version recorded already.
    /// </summary>
    public static async Task BeforeTheCheckpointAsync(IntegrationHarness harness)
    {
        await harness.Get<SourceReset>().ResetAsync(MeetingNotesModule.Source, CancellationToken.None);
        var table = await harness.Get<IntegrationStorage>().TableAsync(TableNames.MeetingNotes);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == MeetingNoteStore.NotesPartition, select: ["RowKey"]))
        {
            await table.DeleteEntityAsync(MeetingNoteStore.NotesPartition, row.RowKey);
        }
    }
}
