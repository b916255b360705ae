using Integration.Core.CaseSystem;
using Integration.Core.Queues;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// What one night's case registrations came to, read back from the version rows the handler
/// wrote: registered, found already registered, failed. Not configured is a skip, not a failure.
/// </summary>
public sealed class CaseRegistrationSummary(MeetingNoteStore store, IOptions<CaseSystemOptions> options) : INightStep
{
    public const string Step = "CaseRegistration";

    public string Name => Step;

    public string SummaryKey => "caseRegistration";

    public string Label => "case registration";

    /// <summary>First after the sources: the meeting notes' sync queued the registrations.</summary>
    public int Order => 10;

    public IReadOnlyList<string> Queues => [QueueNames.CaseRegistration];

    /// <summary>Nothing to start: the <c>case-registration</c> queue does the work.</summary>
    public Task<SyncRunRecord?> RunAsync(string? runId, CancellationToken ct) => Task.FromResult<SyncRunRecord?>(null);

    /// <summary>Registration has no run row of its own: each version row says how it went.</summary>
    public string? ReportedWithSource => MeetingNotesModule.Source;

    public async Task<StepResult?> SummarizeAsync(string runId, CancellationToken ct) => await ForRunAsync(runId, ct);

    public async Task<StepResult> ForRunAsync(string runId, CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return StepResult.Skipped("not configured (CaseSystem__BaseUrl is not set); archived notes stay pending");

        var counts = await store.CountRegistrationsAsync(runId, ct);
        var values = new Dictionary<string, int>
        {
            ["registered"] = counts.Registered,
            ["alreadyRegistered"] = counts.AlreadyRegistered,
            ["failed"] = counts.Failed,
        };
        return counts.Failed > 0
            ? new StepResult(SyncRunStatus.Failed, $"{counts.Failed} version(s) could not be registered; they are in the {QueueNames.Poison(QueueNames.CaseRegistration)} queue and their version rows say why (replay them when the cause is fixed)", values)
            : StepResult.Succeeded(values);
    }
}
