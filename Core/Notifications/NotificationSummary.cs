using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.Notifications;

/// <summary>What a night's notifications came to, as run-once reports them: <c>channelPosts</c>, <c>personal</c>, <c>failed</c>.</summary>
public sealed class NotificationSummary(SyncRunStore runs)
{
    public static readonly IReadOnlyDictionary<string, int> Zero = new Dictionary<string, int>
    {
        ["channelPosts"] = 0,
        ["personal"] = 0,
        ["failed"] = 0,
    };

    public async Task<StepResult> ForRunAsync(string runId, CancellationToken ct)
    {
        if (await runs.GetAsync(runId, NotificationDigestHandler.Step, ct) is not { } record)
        {
            return new StepResult(SyncRunStatus.Queued, "the digest was not asked for in this run", Zero);
        }

        var counts = Zero.ToDictionary(c => c.Key, c => record.Count(c.Key));
        return record.Status == SyncRunStatus.Failed
            ? new StepResult(SyncRunStatus.Failed, $"{record.Detail} The message is retried, then kept in the notifications-poison queue (replay it when the cause is fixed).", counts)
            : new StepResult(record.Status, record.Detail, counts);
    }
}
