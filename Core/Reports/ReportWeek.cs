using System.Globalization;
using System.Text.RegularExpressions;

namespace Integration.Core.Reports;

/// <summary>
/// An ISO 8601 week (Swedish weeks are ISO weeks: Monday first, week 1 holds the year's first
/// Thursday), as <c>2026-W49</c> on the command line and <c>2026-v49</c> in the file's name.
/// </summary>
public sealed partial record ReportWeek(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The week a day falls in.</summary>
    public static ReportWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new ReportWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>
    /// The week a report is made for when none is named: the last whole week. On Monday morning,
    /// when the timer runs, that is the week just ended; a rerun later in the week makes the same
    /// report again (and replaces its file) rather than one of a week half gone.
    /// </summary>
    public static ReportWeek Default(DateOnly today) => Of(today).Previous;

    public ReportWeek Previous => Of(Monday.AddDays(-7));

    /// <summary>Reads <c>2026-W49</c> (or <c>2026-w49</c>, <c>2026W49</c>, <c>2026-v49</c>).</summary>
    public static bool TryParse(string? text, out ReportWeek week)
    {
        week = null!;
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } match) return false;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
        week = new ReportWeek(year, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    /// <summary>The file's name in the library: <c>Lägesrapport 2026-v49.pdf</c>; a rerun the same week has the same name.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"Lägesrapport {Year}-v{Week:00}.pdf");

    /// <summary>As the title says it: <c>vecka 49, 2026</c>.</summary>
    public string SwedishLabel => string.Create(CultureInfo.InvariantCulture, $"vecka {Week}, {Year}");

    [GeneratedRegex(@"^(?<year>\d{4})-?[WwVv](?<week>\d{1,2})$")]
    private static partial Regex Pattern();
}
