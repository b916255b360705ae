using Integration.Core.Sync;

namespace Integration.Core.Reports;

/// <summary>
/// The weekly status report as a step with its own SyncRuns row (in <c>status</c>), started by the
/// <c>StatusReport</c> timer on Monday morning under the latest night's run id: the last whole
/// week's report is built from the stores and put in the library named by
/// <c>SharePoint__Libraries__Reports</c> as <c>Lägesrapport 2026-v49.pdf</c>, replacing the file a
/// rerun the same week made. Then the week's follow-ups run (<see cref="IReportFollowUp"/>: the
/// registration on the case, the Teams card), each once per week. Unconfigured, it is skipped with the reason.
/// </summary>
public sealed class StatusReportStep(
    StatusReportBuilder builder, ReportLibrary library, RunSteps steps, NightlyCycle nights, IEnumerable<IReportFollowUp> followUps) : INightStep
{
    public const string Step = "StatusReport";

    public string Name => Step;

    public string SummaryKey => "statusReport";

    public string Label => "status report";

    /// <summary>After the night's digest, before retention.</summary>
    public int Order => 45;

    async Task<SyncRunRecord?> INightStep.RunAsync(string? runId, CancellationToken ct) => await RunAsync(runId, ct);

    /// <param name="runId">The night's run; null for the latest night (the timer's case).</param>
    /// <param name="week">The week; null for the last whole week.</param>
    public async Task<SyncRunRecord> RunAsync(string? runId, CancellationToken ct, ReportWeek? week = null)
    {
        runId ??= await nights.CurrentRunIdAsync(ct);
        return await steps.RunAsync(runId, Step, 1, async token =>
        {
            if (library.Configured is null) return StepResult.Skipped("not configured (SharePoint__Libraries__Reports is not set)");
            var chosen = week ?? builder.DefaultWeek();
            var report = await builder.BuildAsync(chosen, token);
            var uploaded = await library.UploadAsync(chosen.FileName, report.Pdf, token);
            var counts = new Dictionary<string, int>
            {
                ["uploaded"] = 1,
                ["bytes"] = report.Pdf.Length,
                ["bySession"] = uploaded.BySession ? 1 : 0,
            };
            var details = new List<string> { $"{chosen.FileName} ({report.Pdf.Length} bytes{(uploaded.BySession ? ", upload session" : "")})" };
            var failed = false;
            foreach (var followUp in followUps)
            {
                var outcome = await followUp.RunAsync(new PublishedReport(report, uploaded, runId), token);
                foreach (var (key, value) in outcome.Counts) counts[key] = value;
                if (outcome.Detail is not null) details.Add(outcome.Detail);
                failed |= outcome.Failed;
            }

            return new StepResult(failed ? SyncRunStatus.Failed : SyncRunStatus.Succeeded, string.Join("; ", details), counts);
        }, ct);
    }
}

/// <summary>The week's report once it is in the library.</summary>
public sealed record PublishedReport(BuiltReport Report, UploadedReport File, string RunId)
{
    public ReportWeek Week => Report.Model.Week;
}

/// <summary>What happens with the report once it is in the library (case registration, Teams); each does its part once per week.</summary>
public interface IReportFollowUp
{
    Task<FollowUpOutcome> RunAsync(PublishedReport report, CancellationToken ct);
}

/// <summary>A follow-up's counts for the step's row, a line for its detail, and whether it failed (the step then fails, and a rerun tries again).</summary>
public sealed record FollowUpOutcome(IReadOnlyDictionary<string, int> Counts, string? Detail, bool Failed = false);
