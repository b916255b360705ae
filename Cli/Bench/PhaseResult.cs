namespace Integration.Cli.Bench;

/// <summary>What one measured phase did, as a bench child process reports it on its last stdout line.</summary>
public sealed record PhaseResult(
    string Phase,
    double Seconds,
    long PeakWorkingSetBytes,
    long TableReads,
    long TableWrites,
    long TableTransactions,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    int Deleted,
    int Quarantined,
    int Scanned = 0,
    int OpenWithinHorizon = 0,
    int FlagsToClear = 0,
    int FlagWrites = 0,
    int Entities = 0,
    int BlobsWritten = 0,
    int Registrations = 0,
    int RegistrationFailures = 0,
    double RegistrationSeconds = 0,
    string? RegistrationError = null)
{
    /// <summary>The status report's first build in the process, JIT and font included (the report phase).</summary>
    public double ColdSeconds { get; init; }

    /// <summary>The status report's pages and size (the report phase).</summary>
    public int Pages { get; init; }

    public long PdfBytes { get; init; }

    /// <summary>Resource units the phase's Graph client counted, and how long its calls waited for the budget (the paced night).</summary>
    public long UnitsCounted { get; init; }

    public double PacingWaitSeconds { get; init; }

    /// <summary>The paced night's first part, the full sync: its time and units; the rest is the overdue scan's.</summary>
    public double SyncSeconds { get; init; }

    public long SyncUnits { get; init; }

    /// <summary>Notifications the scan queued, and the messages on the wire that carried them (packed, a few a page).</summary>
    public int Notifications { get; init; }

    public long QueueMessages { get; init; }

    /// <summary>CPU time the Graph stand-in's process used while the phase ran (the bench's parent measures it).</summary>
    public double StandInCpuSeconds { get; init; }
}
