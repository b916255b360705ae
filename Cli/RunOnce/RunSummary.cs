using System.Text.Json.Serialization;
using Integration.Core.Sync;

namespace Integration.Cli.RunOnce;

/// <summary>What one nightly cycle did, per source and per step, as run-once prints it.</summary>
/// <param name="Steps">The night's steps after the sources, in the order they ran, as the modules registered them.</param>
public sealed record RunSummary(string RunId, IReadOnlyList<SourceSummary> Sources, IReadOnlyList<NightStepSummary> Steps, IReadOnlyList<string> StillRunning)
{
    /// <summary>A failed or unfinished source or step (a registration that failed, a flag that could not be written, a digest not sent) fails the run.</summary>
    public bool Succeeded =>
        StillRunning.Count == 0
        && Sources.All(s => s.Status.IsFinished())
        && Steps.All(s => s.Summary.Status is not SyncRunStatus.Failed);

    /// <summary>A step's summary by its name (<c>OverdueScan</c>).</summary>
    public StepSummary Step(string name) =>
        Steps.FirstOrDefault(s => s.Name == name)?.Summary ?? throw new KeyNotFoundException($"No step '{name}' in this run.");

    /// <summary>The figures a step left under <paramref name="key"/> (<c>indicators</c>); empty when none did.</summary>
    public IReadOnlyDictionary<string, double> Figures(string key) =>
        Steps.FirstOrDefault(s => s.Figures?.Key == key)?.Figures?.Values ?? new Dictionary<string, double>();
}

/// <summary>One step of the night as run-once reports it: its names, what it came to and any figures it left.</summary>
public sealed record NightStepSummary(string Name, string Key, string Label, StepSummary Summary, NightFigures? Figures);

public sealed record SourceSummary(
    string Source,
    SyncRunStatus Status,
    string? Detail,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    int Deleted,
    int Quarantined)
{
    /// <summary>
    /// A source's own counts besides the six (the budget assignments' <c>published</c>, say),
    /// printed beside them in the JSON.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, object> Extra { get; init; } = [];

    /// <summary>Items taken in with a warning written on them (they count as created, updated or unchanged).</summary>
    public int Warnings { get; init; }

    /// <summary>Data-problem texts written to items this run.</summary>
    public int ProblemsWritten { get; init; }

    /// <summary>Data-problem texts cleared from items fixed this run.</summary>
    public int ProblemsCleared { get; init; }

    private static readonly string[] ProblemCounts = ["warnings", "problemsWritten", "problemsCleared"];

    /// <summary>One of the source's own counts; 0 when it has none of that name.</summary>
    public int Count(string name) => name switch
    {
        "warnings" => Warnings,
        "problemsWritten" => ProblemsWritten,
        "problemsCleared" => ProblemsCleared,
        _ => Extra.TryGetValue(name, out var value) && value is int count ? count : 0,
    };

    public static SourceSummary From(SyncRunRecord record)
    {
        var c = SyncCounts.From(record.Counts);
        return new SourceSummary(record.Step, record.Status, record.Detail, c.Read, c.Created, c.Updated, c.Unchanged, c.Deleted, c.Quarantined)
        {
            Warnings = c.Extra.GetValueOrDefault("warnings"),
            ProblemsWritten = c.Extra.GetValueOrDefault("problemsWritten"),
            ProblemsCleared = c.Extra.GetValueOrDefault("problemsCleared"),
            Extra = c.Extra.Where(e => !ProblemCounts.Contains(e.Key)).Select(e => KeyValuePair.Create(e.Key, (object)e.Value))
                .Concat(record.Ids.Select(i => KeyValuePair.Create(i.Key, (object)i.Value)))
                .OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(),
        };
    }
}

/// <summary>A step other than a source's sync: its outcome and its own counts.</summary>
public sealed record StepSummary(SyncRunStatus Status, string? Detail, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>A step that did not run because the run gave up waiting before it.</summary>
    public static readonly StepSummary NotReached = new(SyncRunStatus.Queued, "did not run: the run gave up waiting before it", SyncRunRecord.NoCounts);

    public static StepSummary From(SyncRunRecord record) => new(record.Status, record.Detail, record.Counts);

    public static StepSummary From(StepResult result) => new(result.Status, result.Detail, result.Counts);

    public int Count(string name) => Counts.TryGetValue(name, out var value) ? value : 0;
}
