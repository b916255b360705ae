using System.Text.Json.Serialization;
using Integration.Core.PlanItems;
using Integration.Core.Sync;

namespace Integration.Cli.RunOnce;

/// <summary>What one nightly cycle did, per source and per step, as run-once prints it.</summary>
public sealed record RunSummary(string RunId, IReadOnlyList<SourceSummary> Sources, StepSummary CaseRegistration, StepSummary OverdueScan, StepSummary Notifications, IReadOnlyList<string> StillRunning)
{
    /// <summary>A failed or unfinished source or step, a registration that failed, a flag that could not be written, or a digest not sent, fails the run.</summary>
    public bool Succeeded =>
        StillRunning.Count == 0
        && Sources.All(s => s.Status.IsFinished())
        && CaseRegistration.Status is not SyncRunStatus.Failed
        && OverdueScan.Status is not SyncRunStatus.Failed
        && Notifications.Status is not SyncRunStatus.Failed
        && Indicators.Status is not SyncRunStatus.Failed;

    /// <summary>The indicators step: its outcome and how many rows it wrote.</summary>
    public StepSummary Indicators { get; init; } = StepSummary.NotBuilt("not run");

    /// <summary>The day's indicators as the step stored them, by name.</summary>
    public IReadOnlyDictionary<string, double> IndicatorValues { get; init; } = new Dictionary<string, double>();
}

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

    /// <summary>One of the source's own counts; 0 when it has none of that name.</summary>
    public int Count(string name) => Extra.TryGetValue(name, out var value) && value is int count ? count : 0;

    public static SourceSummary From(SyncRunRecord record)
    {
        var c = SyncCounts.From(record.Counts);
        return new SourceSummary(record.Step, record.Status, record.Detail, c.Read, c.Created, c.Updated, c.Unchanged, c.Deleted, c.Quarantined)
        {
            Extra = c.Extra.Select(e => KeyValuePair.Create(e.Key, (object)e.Value))
                .Concat(record.Ids.Select(i => KeyValuePair.Create(i.Key, (object)i.Value)))
                .OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(),
        };
    }
}

/// <summary>A step other than a source's sync: its outcome and its own counts.</summary>
public sealed record StepSummary(SyncRunStatus Status, string? Detail, IReadOnlyDictionary<string, int> Counts)
{
    public static StepSummary From(SyncRunRecord record) => new(record.Status, record.Detail, record.Counts);

    public static StepSummary From(StepResult result) => new(result.Status, result.Detail, result.Counts);

    public static StepSummary NotBuilt(string detail, params string[] counts) =>
        new(SyncRunStatus.NotBuilt, detail, counts.ToDictionary(c => c, _ => 0));

    public int Count(string name) => Counts.TryGetValue(name, out var value) ? value : 0;
}
