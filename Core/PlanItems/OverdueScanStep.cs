using Integration.Core.Sync;

namespace Integration.Core.PlanItems;

/// <summary>
/// The overdue scan as a step of the night: recorded in SyncRuns under the night's run id like
/// every source, so its outcome is kept in Azure too, not only printed by the CLI.
/// </summary>
public sealed class OverdueScanStep(OverdueScanner scanner, RunSteps steps, NightlyCycle nights) : INightStep
{
    public const string Step = "OverdueScan";

    public string Name => Step;

    public string SummaryKey => "overdueScan";

    public string Label => "overdue scan";

    /// <summary>After case registration, so the night's sources are all in.</summary>
    public int Order => 20;

    async Task<SyncRunRecord?> INightStep.RunAsync(string? runId, CancellationToken ct) => await RunAsync(runId, ct);

    /// <param name="runId">The night's run; null for the latest night (the timer's case).</param>
    public async Task<SyncRunRecord> RunAsync(string? runId, CancellationToken ct)
    {
        runId ??= await nights.CurrentRunIdAsync(ct);
        return await steps.RunAsync(runId, Step, 1, async token =>
        {
            if (!scanner.IsConfigured) return StepResult.Skipped("not configured (SharePoint__Lists__PlanItems is not set)");
            var result = await scanner.ScanAsync(token);
            return result.Failures > 0
                ? new StepResult(SyncRunStatus.Failed, $"{result.Failures} flag(s) could not be written to SharePoint; the next scan tries them again", result.ToDictionary())
                : StepResult.Succeeded(result.ToDictionary());
        }, ct);
    }
}
