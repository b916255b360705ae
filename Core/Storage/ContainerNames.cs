namespace Integration.Core.Storage;

/// <summary>The blob containers the backend owns. Created on first use, and by the deployment.</summary>
public static class ContainerNames
{
    /// <summary>Raw payloads of quarantined items too large for a table row.</summary>
    public const string Quarantine = "quarantine";

    /// <summary>One digest per source: what the table holds, so a night need not read rows.</summary>
    public const string SyncState = "sync-state";

    /// <summary>Every version of the meeting notes, named by SHA-256, never overwritten; WORM in Azure.</summary>
    public const string MeetingNotes = "meeting-notes";

    public static IReadOnlyList<string> All { get; } = [Quarantine, SyncState, MeetingNotes];
}
