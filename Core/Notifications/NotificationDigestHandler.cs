using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// Sends the night's digests: the channel digest, every pending event the ledger has not seen
/// delivered to the channel, in one post (or a few, when one would pass the size limit); then,
/// with the activity feed on, one personal notification per person (<see cref="PersonalNotifications"/>).
/// Each send is recorded in the ledger as soon as Teams accepted it, so a retry after a failure
/// sends only what is still missing, and a rerun with nothing new sends nothing. The outcome is
/// the night's <see cref="Step"/> row in SyncRuns: posts, personal notifications, failures.
/// </summary>
public sealed partial class NotificationDigestHandler(
    PendingNotifications pending,
    DeliveryLedger ledger,
    DigestContent content,
    ITeamsChannel channel,
    PersonalNotifications personal,
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
        var options = teams.Value;
        if (options.NotConfiguredReason is { } reason && !personal.IsEnabled)
        {
            var skipped = Result(SyncRunStatus.Skipped, reason + "; events wait as pending", new Tally(null), 0);
            await SaveAsync(message.RunId, skipped, context, started, clock, ct);
            return skipped;
        }

        // Sends of earlier attempts of this night count too: the ledger kept their events from going again.
        var tally = new Tally(previous);
        try
        {
            var events = (await pending.ListAsync(ct)).GroupBy(e => e.EventId, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var fresh = new List<NotificationMessage>();
            if (options.IsConfigured)
            {
                var delivered = await ledger.DeliveredAsync(DeliveryLedger.Channel, events.Select(e => e.EventId).ToList(), ct);
                fresh.AddRange(events.Where(e => !delivered.Contains(e.EventId)));
            }

            tally.Events = fresh.Count;

            // The personal notifications need every pending event's link: one of them may still lack a person.
            var items = await content.ItemsAsync(personal.IsEnabled ? events : fresh, ct);
            var freshIds = fresh.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            var posts = DigestPosts.Build(Night(), items.Where(i => freshIds.Contains(i.EventId)).ToList());
            for (var i = 0; i < posts.Count; i++)
            {
                await channel.PostAsync(posts[i], ct);
                await ledger.RecordAsync(DeliveryLedger.Channel, posts[i].EventIds, message.RunId, tally.ChannelPosts + 1, ct);
                tally.ChannelPosts++;
                LogPosted(message.RunId, i + 1, posts.Count, posts[i].EventIds.Count, posts[i].Bytes);
            }

            var notes = new List<string>();
            if (options.NotConfiguredReason is { } channelOff) notes.Add($"channel digest {channelOff}; events wait as pending for it");
            if (personal.IsEnabled)
            {
                var outcome = await personal.SendAsync(message.RunId, events, items.ToDictionary(i => i.EventId, i => i.Link, StringComparer.Ordinal), ct);
                tally.Personal += outcome.Notifications;
                tally.Refused += outcome.Refused.Count;
                if (outcome.Refused.Count > 0) notes.Add($"{outcome.Refused.Count} recipient(s) refused in the activity feed, recorded in {TableNames.NotificationDeliveries}: {string.Join("; ", outcome.Refused)}{(options.IsConfigured ? "; the channel digest carries their items" : "")}");
                if (outcome.EscalatedWithoutCoordinatorCount > 0) notes.Add($"{outcome.EscalatedWithoutCoordinatorCount} item(s) overdue past Teams__EscalationDays, but Teams__CoordinatorEmail is not set");
                if (outcome.Failures.Count > 0)
                {
                    // The ledger holds what went out; the retry sends only the rest.
                    throw new TeamsPostException($"{outcome.Failures.Count} personal notification(s) failed: {outcome.Failures[0].Message}", outcome.Failures[0].Status, isTransient: true);
                }
            }
            else
            {
                notes.Add("personal notifications off (Teams__ActivityFeed__Enabled is not true)");
            }

            // Without a channel the events stay pending for it; the ledger keeps persons from a second notification.
            if (options.IsConfigured) await pending.RemoveAsync(events.Select(e => e.EventId), ct);
            var result = Result(SyncRunStatus.Succeeded, string.Join("; ", notes), tally, 0);
            await SaveAsync(message.RunId, result, context, started, clock, ct);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var why = ex is TeamsPostException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(message.RunId, context.DequeueCount, why);
            try
            {
                await SaveAsync(message.RunId, Result(SyncRunStatus.Failed, why, tally, 1), context, started, clock, ct);
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

    /// <param name="stepFailed">1 when the step itself failed this attempt; refused recipients count as failed as well.</param>
    private static StepResult Result(SyncRunStatus status, string? detail, Tally tally, int stepFailed) => new(status, string.IsNullOrEmpty(detail) ? null : detail, new Dictionary<string, int>
    {
        ["channelPosts"] = tally.ChannelPosts,
        ["personal"] = tally.Personal,
        ["refused"] = tally.Refused,
        ["failed"] = tally.Refused + stepFailed,
        ["events"] = tally.Events,
    });

    /// <summary>The night's sends so far, this attempt's added to those of earlier attempts.</summary>
    private sealed class Tally(SyncRunRecord? previous)
    {
        public int ChannelPosts { get; set; } = previous?.Count("channelPosts") ?? 0;

        public int Personal { get; set; } = previous?.Count("personal") ?? 0;

        public int Refused { get; set; } = previous?.Count("refused") ?? 0;

        public int Events { get; set; }
    }

    private Task SaveAsync(string runId, StepResult result, MessageContext context, DateTimeOffset started, long clock, CancellationToken ct) =>
        runs.SaveAsync(new SyncRunRecord(runId, Step, result.Status, result.Detail, result.Counts, (int)context.DequeueCount, started, time.GetElapsedTime(clock)), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: channel digest post {Part} of {Parts} accepted by Teams ({Events} events, {Bytes} bytes).")]
    private partial void LogPosted(string runId, int part, int parts, int events, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the channel digest failed on attempt {Attempt}: {Error}")]
    private partial void LogFailed(string runId, long attempt, string error);
}
