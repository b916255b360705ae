using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.Operations;

/// <summary>
/// What happened in the last nights and whether anything is lost, as <c>status</c> shows it. Every
/// reason to look is in <see cref="Attention"/>, in words an on-call engineer can act on.
/// </summary>
public sealed record StatusReport(
    DateTimeOffset CheckedAt,
    IReadOnlyList<NightStatus> Nights,
    IReadOnlyList<SourceStatus> Sources,
    IReadOnlyList<QueueStatus> Queues,
    IReadOnlyList<QuarantineStatus> Quarantine,
    StepStatus? Notifications,
    IReadOnlyList<string> Attention)
{
    public bool NeedsAttention => Attention.Count > 0;

    /// <summary>Data problems open on the items per source (written to each item for the network to fix); none listed when none are open.</summary>
    public IReadOnlyList<ProblemStatus> Problems { get; init; } = [];
}

/// <summary>A source's open data problems: items refused (errors, in quarantine) and items taken in with a warning.</summary>
public sealed record ProblemStatus(string Source, int Errors, int Warnings);

/// <summary>One night: its steps in the order they ran, and whether every one finished without failing.</summary>
public sealed record NightStatus(string RunId, DateTimeOffset StartedAt, bool Completed, IReadOnlyList<StepStatus> Steps);

/// <summary>One step of a night as SyncRuns recorded it (case registration is counted from the version rows).</summary>
public sealed record StepStatus(
    string Step,
    SyncRunStatus Status,
    DateTimeOffset? StartedAt,
    TimeSpan? Duration,
    int Attempts,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Ids,
    string? Detail)
{
    public static StepStatus From(SyncRunRecord r) => new(r.Step, r.Status, r.StartedAt, r.Duration, r.Attempts, r.Counts, r.Ids, r.Detail);
}

/// <summary>
/// A source's checkpoint: when it was saved, when a night last synced the source (a quiet night
/// keeps the checkpoint as it is and writes nothing), and whether the next night reads it in full.
/// </summary>
public sealed record SourceStatus(
    string Source,
    bool Configured,
    DateTimeOffset? CheckpointSavedAt,
    DateTimeOffset? LastSyncedAt,
    TimeSpan? CheckpointAge,
    bool NextRunIsFull,
    string? Why);

public sealed record QueueStatus(string Queue, int Messages, int Poison);

public sealed record QuarantineStatus(string Source, int Open, IReadOnlyList<OpenQuarantineEntry> Newest);
