using System.Globalization;

namespace Integration.Core.SharePoint;

/// <summary>
/// SharePoint stores a date-only column as the UTC instant of local midnight in the site's
/// time zone: 15 March in Stockholm comes back as <c>2021-03-14T23:00:00Z</c>. Values written
/// without an offset may sit at UTC midnight instead. Converting the instant to the site's zone
/// and taking the date gives the calendar date for both; taking the UTC date would be a day early.
/// Only ISO 8601 is read: <c>10/12/2026</c> is 10 December to a Swede and 12 October to a US
/// parser, so a text column's typed date is refused rather than guessed.
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

        if (!DateTimeOffset.TryParseExact(raw, IsoInstants, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return false;
        }

        date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, siteTimeZone).DateTime);
        return true;
    }

    /// <summary>The instants SharePoint and Graph write, with or without fractions and offset; nothing culture-dependent.</summary>
    private static readonly string[] IsoInstants =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>The value SharePoint itself would store for <paramref name="date"/>.</summary>
    public static string ToSharePointValue(DateOnly date, TimeZoneInfo siteTimeZone)
    {
        var localMidnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(localMidnight, siteTimeZone);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
