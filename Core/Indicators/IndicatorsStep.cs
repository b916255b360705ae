using Integration.Core.Agreements;
using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.Indicators;

/// <summary>
/// The indicators as a step of the night, after the sources: computed from the Enterprises and
/// Agreements tables and written as the day's rows of the Indicators table, then put against the
/// plan items whose goal names one (<see cref="PlanItemGoals"/>). The plan's own figures
/// (<see cref="PlanFigures"/>) join the day's rows when the plan items are synced. Recorded in SyncRuns under the
/// night's run id like every other step.
/// </summary>
public sealed class IndicatorsStep(
    IndicatorCalculator calculator, IndicatorStore store, PlanItemGoals goals, PlanFigures plan, RunSteps steps, NightlyCycle nights, SyncSources sources, IOptions<SharePointOptions> sharePoint, TimeProvider time) : INightStep
{
    public const string Step = "Indicators";

    public string Name => Step;

    public string SummaryKey => "indicatorsStep";

    public string Label => "indicators";

    /// <summary>After the overdue scan; the indicators run even when the scan failed.</summary>
    public int Order => 30;

    /// <summary>The register's sources this deployment has: the figures come from their tables.</summary>
    private IReadOnlyList<SourceDefinition> Inputs => [.. sources.All.Where(s => s.Name is EnterprisesModule.Source or AgreementsModule.Source)];

    /// <summary>At most this many plan-item ids are kept in the run record; the counts are always whole.</summary>
    public const int MaxReportedIds = 200;

    public bool IsConfigured => Inputs.Any(s => s.IsConfigured(sharePoint.Value));

    async Task<SyncRunRecord?> INightStep.RunAsync(string? runId, CancellationToken ct) => await RunAsync(runId, ct);

    /// <summary>The day's figures as stored, for the night's summary (<c>indicators</c>); none when the step did not succeed.</summary>
    public async Task<NightFigures?> FiguresAsync(StepResult summary, CancellationToken ct) => new("indicators", summary.Status == SyncRunStatus.Succeeded
        ? await store.LoadDayAsync(calculator.Today(), ct)
        : new Dictionary<string, double>());

    /// <param name="runId">The night's run; null for the latest night (the timer's case).</param>
    public async Task<SyncRunRecord> RunAsync(string? runId, CancellationToken ct)
    {
        runId ??= await nights.CurrentRunIdAsync(ct);
        return await steps.RunAsync(runId, Step, 1, async token =>
        {
            if (!IsConfigured) return StepResult.Skipped($"not configured ({NotConfigured()})");
            var snapshot = await calculator.ComputeAsync(token);
            if (goals.IsConfigured && await plan.ComputeAsync(snapshot.Values, token) is { } figures)
            {
                var all = new SortedDictionary<string, double>(snapshot.Values.ToDictionary(), StringComparer.Ordinal);
                foreach (var (name, value) in figures) all[name] = value;
                snapshot = snapshot with { Values = all };
            }

            var saved = await store.SaveAsync(snapshot, time.GetUtcNow(), token);
            var counts = new Dictionary<string, int> { ["indicators"] = saved.Written, ["unchanged"] = saved.Unchanged, ["removed"] = saved.Removed };
            var detail = $"day {IndicatorStore.DayKey(snapshot.Day)}";
            if (!goals.IsConfigured) return StepResult.Succeeded(counts, detail + "; plan-item goals not looked at (SharePoint__Lists__PlanItems is not set)");

            var report = await goals.ApplyAsync(snapshot.Values, token);
            counts["goals"] = report.Goals;
            counts["goalsMet"] = report.Met;
            counts["goalValuesWritten"] = report.Written;
            counts["goalProblems"] = report.Problems.Count;
            counts["goalWriteFailures"] = report.Failed;
            var ids = new Dictionary<string, IReadOnlyList<string>>();
            if (report.Problems.Count > 0) ids["planItemsWithGoalProblem"] = [.. report.Problems.Take(MaxReportedIds)];
            if (report.ColumnProblem is { } column)
            {
                return new StepResult(SyncRunStatus.Failed, $"{detail}; no indicator value written: {column}", counts) { Ids = ids };
            }

            return report.Failed > 0
                ? new StepResult(SyncRunStatus.Failed, $"{detail}; {report.Failed} indicator value(s) could not be written to SharePoint; the next night tries them again", counts) { Ids = ids }
                : new StepResult(SyncRunStatus.Succeeded, detail, counts) { Ids = ids };
        }, ct);
    }

    private string NotConfigured() => Inputs.Count switch
    {
        0 => "no source of the register is part of this deployment",
        1 => $"{Inputs[0].SettingKey} is not set",
        _ => $"neither {string.Join(" nor ", Inputs.Select(s => s.SettingKey))} is set",
    };
}
