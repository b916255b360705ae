using Integration.Core.Queues;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// Asks for the night's digest once the night's events are in: the NotificationDigest timer does it
/// after the overdue scan, run-once after draining the <c>notifications</c> queue. Without a webhook
/// and with the activity feed off the step is recorded as skipped, naming the setting, and nothing is queued.
/// </summary>
public sealed class NotificationDigestStep(QueueSender queue, SyncRunStore runs, NightlyCycle nights, NotificationSummary summary, IOptions<TeamsOptions> teams) : INightStep
{
    public string Name => NotificationDigestHandler.Step;

    public string SummaryKey => "notifications";

    public string Label => "notifications";

    /// <summary>Last: every other step's events are in.</summary>
    public int Order => 40;

    /// <summary>The night's events are taken off the queue before the digest is asked for; the digest request goes through it too.</summary>
    public IReadOnlyList<string> Queues => [QueueNames.Notifications];

    async Task<SyncRunRecord?> INightStep.RunAsync(string? runId, CancellationToken ct) => await RequestAsync(runId, ct);

    public async Task<StepResult?> SummarizeAsync(string runId, CancellationToken ct) => await summary.ForRunAsync(runId, ct);

    /// <param name="runId">The night's run; null for the latest night (the timer's case).</param>
    public async Task<SyncRunRecord> RequestAsync(string? runId, CancellationToken ct)
    {
        runId ??= await nights.CurrentRunIdAsync(ct);
        if (await runs.GetAsync(runId, NotificationDigestHandler.Step, ct) is { IsFinished: true } done) return done;

        if (teams.Value.NotConfiguredReason is { } reason && !teams.Value.ActivityFeed.Enabled)
        {
            var skipped = new SyncRunRecord(runId, NotificationDigestHandler.Step, SyncRunStatus.Skipped, reason + "; events wait as pending", NotificationSummary.Zero, 0);
            await runs.SaveAsync(skipped, ct);
            return skipped;
        }

        var queued = new SyncRunRecord(runId, NotificationDigestHandler.Step, SyncRunStatus.Queued, null, NotificationSummary.Zero, 0);
        await runs.SaveAsync(queued, ct);
        await queue.SendAsync(new NotificationDigestMessage(runId), ct);
        return queued;
    }
}
