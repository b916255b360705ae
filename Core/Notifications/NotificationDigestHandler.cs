using Integration.Core.Calendar;
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
/// sends only what is still missing, and a rerun with nothing new sends nothing. The dispatcher
/// runs it as the night's <see cref="Step"/> through <see cref="RunSteps"/>: a redelivered request
/// after the digest went out does nothing, and a failed attempt's sends are kept in its row, so the
/// counts of a night that needed several attempts add up.
/// </summary>
public sealed partial class NotificationDigestHandler(
    PendingNotifications pending,
    DeliveryLedger ledger,
    DigestContent content,
    ITeamsChannel channel,
    PersonalNotifications personal,
    ProblemReminders reminders,
    IOptions<TeamsOptions> teams,
    NetworkCalendar calendar,
    ILogger<NotificationDigestHandler> logger) : IMessageHandler<NotificationDigestMessage>
{
    public const string Step = "Notifications";

    public async Task<StepResult> HandleAsync(NotificationDigestMessage message, MessageContext context, CancellationToken ct)
    {
        var options = teams.Value;
        if (options.NotConfiguredReason is { } reason && !personal.IsEnabled)
        {
            return Result(SyncRunStatus.Skipped, reason + "; events wait as pending", new Tally(null), 0);
        }

        // Sends of earlier attempts of this night count too: the ledger kept their events from going again.
        var tally = new Tally(context.EarlierAttempt);
        try
        {
            var events = (await pending.ListAsync(ct)).GroupBy(e => e.EventId, StringComparer.Ordinal).Select(g => g.First()).ToList();
            // The weekly reminders are the channel's only: they are not pending, and nobody is told personally again.
            var fresh = await FreshForChannelAsync([.. events, .. await reminders.DueAsync(ct)], options, ct);
            tally.Events = fresh.Count;

            // The personal notifications need every pending event's link: one of them may still lack a person.
            var items = await content.ItemsAsync(personal.IsEnabled ? [.. events, .. fresh.Where(f => f.Event == NotificationEvents.DataProblemReminder)] : fresh, ct);
            await PostToChannelAsync(message.RunId, fresh, items, tally, ct);

            var notes = new List<string>();
            if (options.NotConfiguredReason is { } channelOff) notes.Add($"channel digest {channelOff}; events wait as pending for it");
            if (personal.IsEnabled) await NotifyPeopleAsync(message.RunId, events, items, tally, notes, ct);
            else notes.Add("personal notifications off (Teams__ActivityFeed__Enabled is not true)");

            // Without a channel the events stay pending for it; the ledger keeps persons from a second notification.
            if (options.IsConfigured) await pending.RemoveAsync(events.Select(e => e.EventId), ct);
            return Result(SyncRunStatus.Succeeded, string.Join("; ", notes), tally, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var why = ex is TeamsPostException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(message.RunId, context.DequeueCount, why);
            // The ledger holds what went out; the row keeps the count of it, and the retry sends only the rest.
            throw new StepFailedException(why, Result(SyncRunStatus.Failed, why, tally, 1).Counts, ex);
        }
    }

    /// <summary>The pending events not yet delivered to the channel; none without a channel.</summary>
    private async Task<List<NotificationMessage>> FreshForChannelAsync(List<NotificationMessage> events, TeamsOptions options, CancellationToken ct)
    {
        if (!options.IsConfigured) return [];
        var delivered = await ledger.DeliveredAsync(DeliveryLedger.Channel, events.Select(e => e.EventId).ToList(), ct);
        return events.Where(e => !delivered.Contains(e.EventId)).ToList();
    }

    private async Task PostToChannelAsync(string runId, List<NotificationMessage> fresh, IReadOnlyList<DigestItem> items, Tally tally, CancellationToken ct)
    {
        var freshIds = fresh.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var posts = DigestPosts.Build(calendar.Today(), items.Where(i => freshIds.Contains(i.EventId)).ToList());
        for (var i = 0; i < posts.Count; i++)
        {
            await channel.PostAsync(posts[i], ct);
            await ledger.RecordAsync(DeliveryLedger.Channel, posts[i].EventIds, runId, tally.ChannelPosts + 1, ct);
            tally.ChannelPosts++;
            LogPosted(runId, i + 1, posts.Count, posts[i].EventIds.Count, posts[i].Bytes);
        }
    }

    private async Task NotifyPeopleAsync(string runId, List<NotificationMessage> events, IReadOnlyList<DigestItem> items, Tally tally, List<string> notes, CancellationToken ct)
    {
        var outcome = await personal.SendAsync(runId, events, items.ToDictionary(i => i.EventId, i => i.Link, StringComparer.Ordinal), ct);
        tally.Personal += outcome.Notifications;
        tally.Refused += outcome.Refused.Count;
        if (outcome.Refused.Count > 0) notes.Add($"{outcome.Refused.Count} recipient(s) refused in the activity feed, recorded in {TableNames.NotificationDeliveries}: {string.Join("; ", outcome.Refused)}{(teams.Value.IsConfigured ? "; the channel digest carries their items" : "")}");
        if (outcome.EscalatedWithoutCoordinatorCount > 0) notes.Add($"{outcome.EscalatedWithoutCoordinatorCount} item(s) overdue past Teams__EscalationDays, but Teams__CoordinatorEmail is not set");
        if (outcome.Failures.Count > 0)
        {
            throw new TeamsPostException($"{outcome.Failures.Count} personal notification(s) failed: {outcome.Failures[0].Message}", outcome.Failures[0].Status, isTransient: true);
        }
    }

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
    private sealed class Tally(SyncRunRecord? earlier)
    {
        public int ChannelPosts { get; set; } = earlier?.Count("channelPosts") ?? 0;

        public int Personal { get; set; } = earlier?.Count("personal") ?? 0;

        public int Refused { get; set; } = earlier?.Count("refused") ?? 0;

        public int Events { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: channel digest post {Part} of {Parts} accepted by Teams ({Events} events, {Bytes} bytes).")]
    private partial void LogPosted(string runId, int part, int parts, int events, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the channel digest failed on attempt {Attempt}: {Error}")]
    private partial void LogFailed(string runId, long attempt, string error);
}
