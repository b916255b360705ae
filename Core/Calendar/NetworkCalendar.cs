using Microsoft.Extensions.Options;

namespace Integration.Core.Calendar;

/// <summary>
/// The network's calendar: its time zone (also the SharePoint site's, in which date-only columns
/// are local midnights) and which day it is there. Due dates, meeting dates, agreement periods and
/// the indicators' day are calendar dates in Stockholm, so "today" is taken there: at 00:30 in
/// Stockholm it is already tomorrow while UTC still says today.
/// </summary>
public sealed class NetworkCalendar(IOptions<NetworkCalendarOptions> options, TimeProvider time)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Today's date in the network's time zone.</summary>
    public DateOnly Today() => DateOf(time.GetUtcNow());

    /// <summary>The network's date at <paramref name="instant"/>.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
}
