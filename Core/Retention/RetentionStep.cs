using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.Retention;

/// <summary>
/// The retention step of the night, after the notifications: run records and resolved quarantine
/// entries older than <c>Retention__Days</c> are deleted, recorded in SyncRuns under the night's run
/// id like every other step. Quarantined payloads in blobs go by the storage lifecycle rule.
/// </summary>
public sealed class RetentionStep(RecordPruner pruner, RunSteps steps, NightlyCycle nights, IOptions<RetentionOptions> options, TimeProvider time) : INightStep
{
    public const string Step = "Retention";

    public string Name => Step;

    public string SummaryKey => "retention";

    public string Label => "retention";

    /// <summary>After the notifications: the night's own records are the last thing it tidies.</summary>
    public int Order => 50;

    async Task<SyncRunRecord?> INightStep.RunAsync(string? runId, CancellationToken ct) => await RunAsync(runId, ct);

    /// <param name="runId">The night's run; null for the latest night (the timer's case).</param>
    public async Task<SyncRunRecord> RunAsync(string? runId, CancellationToken ct)
    {
        runId ??= await nights.CurrentRunIdAsync(ct);
        return await steps.RunAsync(runId, Step, 1, async token =>
        {
            var cutoff = time.GetUtcNow().AddDays(-options.Value.Days);
            var runs = await pruner.DeleteRunsBeforeAsync(cutoff, token);
            var quarantine = await pruner.DeleteResolvedQuarantineBeforeAsync(cutoff, token);
            var counts = new Dictionary<string, int> { ["runsDeleted"] = runs, ["quarantineDeleted"] = quarantine };
            return StepResult.Succeeded(counts, $"older than {options.Value.Days} days ({cutoff:yyyy-MM-dd})");
        }, ct);
    }
}
