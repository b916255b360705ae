using System.Globalization;

namespace Integration.Core.SharePoint;

/// <summary>
/// SharePoint stores a date-only column as the UTC instant of local midnight in the site's
/// time zone: 15 March in Stockholm comes back as <c>2021-03-14T23:00:00Z</c>. Values written
/// without an offset may sit at UTC midnight instead. Converting the instant to the site's zone
/// and taking the date gives the calendar date for both; taking the UTC date would be a day early.
/// </summary>
public static class SharePointDates
{
    public static bool TryParseCalendarDate(string? raw, TimeZoneInfo siteTimeZone, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        raw = raw.Trim();

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return false;
        }

        date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, siteTimeZone).DateTime);
        return true;
    }

    /// <summary>The value SharePoint itself would store for <paramref name="date"/>.</summary>
    public static string ToSharePointValue(DateOnly date, TimeZoneInfo siteTimeZone)
    {
        var localMidnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(localMidnight, siteTimeZone);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
