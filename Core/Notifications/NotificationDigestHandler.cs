using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// Sends the night's channel digest: every pending event the ledger has not seen delivered to the
/// channel, in one post (or a few, when one would pass the size limit). Each post is recorded in
/// the ledger as soon as Teams accepted it, so a retry after a failed second post sends only what
/// is still missing, and a rerun with nothing new sends nothing. The outcome is the night's
/// <see cref="Step"/> row in SyncRuns: posts, personal notifications, failures.
/// </summary>
public sealed partial class NotificationDigestHandler(
    PendingNotifications pending,
    DeliveryLedger ledger,
    DigestContent content,
    ITeamsChannel channel,
    SyncRunStore runs,
    IOptions<TeamsOptions> teams,
    IOptions<OverdueOptions> overdue,
    TimeProvider time,
    ILogger<NotificationDigestHandler> logger) : IMessageHandler<NotificationDigestMessage>
{
    public const string Step = "Notifications";

    public async Task<StepResult> HandleAsync(NotificationDigestMessage message, MessageContext context, CancellationToken ct)
    {
        // As RunSteps does for the other steps: every line of the digest carries the night and the step.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = message.RunId, ["Step"] = Step });
        var previous = await runs.GetAsync(message.RunId, Step, ct);
        if (previous is { IsFinished: true })
        {
            // A redelivered request: this night's digest went out; newer events wait for the next one.
            return new StepResult(previous.Status, previous.Detail, previous.Counts);
        }

        var started = time.GetUtcNow();
        var clock = time.GetTimestamp();
        if (teams.Value.NotConfiguredReason is { } reason)
        {
            var skipped = Result(SyncRunStatus.Skipped, reason + "; events wait as pending", 0, 0);
            await SaveAsync(message.RunId, skipped, context, started, clock, ct);
            return skipped;
        }

        // Posts of earlier attempts of this night count too: the ledger kept their events from going again.
        var posted = previous?.Count("channelPosts") ?? 0;
        try
        {
            var events = await pending.ListAsync(ct);
            var delivered = await ledger.DeliveredAsync(DeliveryLedger.Channel, events.Select(e => e.EventId).ToList(), ct);
            var fresh = events.Where(e => !delivered.Contains(e.EventId)).GroupBy(e => e.EventId, StringComparer.Ordinal).Select(g => g.First()).ToList();

            var items = await content.ItemsAsync(fresh, ct);
            var posts = DigestPosts.Build(Night(), items);
            for (var i = 0; i < posts.Count; i++)
            {
                await channel.PostAsync(posts[i], ct);
                await ledger.RecordAsync(DeliveryLedger.Channel, posts[i].EventIds, message.RunId, posted + 1, ct);
                posted++;
                LogPosted(message.RunId, i + 1, posts.Count, posts[i].EventIds.Count, posts[i].Bytes);
            }

            // Personal notifications are not built yet, so the channel is every event's only recipient.
            await pending.RemoveAsync(events.Select(e => e.EventId), ct);
            var detail = teams.Value.ActivityFeed.Enabled ? "Teams__ActivityFeed__Enabled is set, but personal notifications are not built yet; the channel digest carries every item" : null;
            var result = Result(SyncRunStatus.Succeeded, detail, posted, 0, fresh.Count);
            await SaveAsync(message.RunId, result, context, started, clock, ct);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var why = ex is TeamsPostException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(message.RunId, context.DequeueCount, why);
            try
            {
                await SaveAsync(message.RunId, Result(SyncRunStatus.Failed, why, posted, 1), context, started, clock, ct);
            }
            catch (Exception saveFailure) when (saveFailure is Azure.RequestFailedException or StorageUnavailableException)
            {
                // The send's own error is the one to report; the queue keeps the message either way.
            }

            throw;
        }
    }

    /// <summary>The night's date in the network's time zone, for the heading.</summary>
    private DateOnly Night() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(overdue.Value.TimeZone)).DateTime);

    private static StepResult Result(SyncRunStatus status, string? detail, int channelPosts, int failed, int events = 0) => new(status, detail, new Dictionary<string, int>
    {
        ["channelPosts"] = channelPosts,
        ["personal"] = 0,
        ["failed"] = failed,
        ["events"] = events,
    });

    private Task SaveAsync(string runId, StepResult result, MessageContext context, DateTimeOffset started, long clock, CancellationToken ct) =>
        runs.SaveAsync(new SyncRunRecord(runId, Step, result.Status, result.Detail, result.Counts, (int)context.DequeueCount, started, time.GetElapsedTime(clock)), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: channel digest post {Part} of {Parts} accepted by Teams ({Events} events, {Bytes} bytes).")]
    private partial void LogPosted(string runId, int part, int parts, int events, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the channel digest failed on attempt {Attempt}: {Error}")]
    private partial void LogFailed(string runId, long attempt, string error);
}
