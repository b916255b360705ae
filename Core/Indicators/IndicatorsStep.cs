using Integration.Core.Configuration;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.Indicators;

/// <summary>
/// The indicators as a step of the night, after the sources: computed from the Enterprises and
/// Agreements tables and written as the day's rows of the Indicators table; recorded in SyncRuns
/// under the night's run id like every other step.
/// </summary>
public sealed class IndicatorsStep(IndicatorCalculator calculator, IndicatorStore store, RunSteps steps, NightlyCycle nights, IOptions<SharePointOptions> sharePoint, TimeProvider time)
{
    public const string Step = "Indicators";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(sharePoint.Value.Lists.Enterprises) || !string.IsNullOrWhiteSpace(sharePoint.Value.Lists.Agreements);

    /// <param name="runId">The night's run; null for the latest night (the timer's case).</param>
    public async Task<SyncRunRecord> RunAsync(string? runId, CancellationToken ct)
    {
        runId ??= await nights.CurrentRunIdAsync(ct);
        return await steps.RunAsync(runId, Step, 1, async token =>
        {
            if (!IsConfigured) return StepResult.Skipped("not configured (neither SharePoint__Lists__Enterprises nor SharePoint__Lists__Agreements is set)");
            var snapshot = await calculator.ComputeAsync(token);
            var (written, removed) = await store.SaveAsync(snapshot, time.GetUtcNow(), token);
            return StepResult.Succeeded(new Dictionary<string, int> { ["indicators"] = written, ["removed"] = removed }, $"day {IndicatorStore.DayKey(snapshot.Day)}");
        }, ct);
    }
}
