using System.Globalization;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// The weekly reminder of data problems nobody has fixed: on <c>Teams__ProblemReminderDay</c> the channel
/// digest repeats each problem open for more than <see cref="OpenForDays"/> days, grouped per list. Each is
/// an event of its own for that week (its id names the ISO week), so the delivery ledger sends it once a
/// week however often the digest runs that day. Reminders go to the channel only: the owner was told
/// personally when the problem was first found.
/// </summary>
public sealed class ProblemReminders(
    DataProblemStore problems,
    SyncSources sources,
    IOptions<TeamsOptions> teams,
    IOptions<SharePointOptions> sharePoint,
    NetworkCalendar calendar,
    TimeProvider time)
{
    public const int OpenForDays = 7;

    /// <summary>The reminders due today; none on the other days of the week.</summary>
    public async Task<IReadOnlyList<NotificationMessage>> DueAsync(CancellationToken ct)
    {
        var today = calendar.Today();
        if (today.DayOfWeek != teams.Value.ReminderDay) return [];
        var now = time.GetUtcNow();
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var due = new List<NotificationMessage>();
        foreach (var source in sources.Names)
        {
            var list = sharePoint.Value.List(source) ?? sharePoint.Value.Library(source) ?? source;
            await foreach (var problem in problems.ListAsync(source, ct))
            {
                if (now - problem.FirstSeen <= TimeSpan.FromDays(OpenForDays)) continue;
                due.Add(new NotificationMessage(
                    EventId: $"{source}:{problem.ItemId}:{NotificationEvents.DataProblemReminder}:{week}",
                    Event: NotificationEvents.DataProblemReminder,
                    Source: source,
                    ItemId: problem.ItemId,
                    Title: problem.Title,
                    RecipientLookupId: null,
                    Facts:
                    [
                        new("Lista", Guid.TryParse(list, out _) ? source : list),
                        new("Att rätta", problem.Text),
                        new("Sedan", calendar.DateOf(problem.FirstSeen).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ],
                    WebUrl: null,
                    DetectedAt: now));
            }
        }

        return due;
    }
}
