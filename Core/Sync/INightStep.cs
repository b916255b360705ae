namespace Integration.Core.Sync;

/// <summary>
/// A step of the night after the sources (case registration, the overdue scan, the indicators,
/// the notifications), as its module registers it. run-once runs the registered steps in
/// <see cref="Order"/>, and its summary and <c>status</c> list them in that order.
/// </summary>
public interface INightStep
{
    /// <summary>The step's name in SyncRuns, status and the alerts.</summary>
    string Name { get; }

    /// <summary>Its key in run-once's JSON summary (<c>overdueScan</c>).</summary>
    string SummaryKey { get; }

    /// <summary>Its label in run-once's table (<c>overdue scan</c>).</summary>
    string Label { get; }

    /// <summary>Where it runs in the night: after the sources, lowest first.</summary>
    int Order { get; }

    /// <summary>
    /// The queues its work goes through. run-once works each (that has a consumer) before the
    /// step, and again after it when the step queued work.
    /// </summary>
    IReadOnlyList<string> Queues => [];

    /// <summary>
    /// Runs or starts the step for a night, as its timer does; null for a step that has nothing
    /// to start, its queue doing the work.
    /// </summary>
    /// <param name="runId">The night's run; null for the latest night (a timer's case).</param>
    Task<SyncRunRecord?> RunAsync(string? runId, CancellationToken ct);

    /// <summary>What the step came to in a run, read back; null to take its SyncRuns row as it is.</summary>
    Task<StepResult?> SummarizeAsync(string runId, CancellationToken ct) => Task.FromResult<StepResult?>(null);

    /// <summary>
    /// For a step with no SyncRuns row of its own: the source in whose nights it happens, so
    /// <c>status</c> reports it for those nights. Null for a step that records its own row.
    /// </summary>
    string? ReportedWithSource => null;

    /// <summary>Figures the step leaves for the night's summary, under a key of their own (the day's indicators), or null.</summary>
    Task<NightFigures?> FiguresAsync(StepResult summary, CancellationToken ct) => Task.FromResult<NightFigures?>(null);
}

/// <summary>Named figures a step reports beside its counts, under <paramref name="Key"/> in run-once's JSON.</summary>
public sealed record NightFigures(string Key, IReadOnlyDictionary<string, double> Values);
