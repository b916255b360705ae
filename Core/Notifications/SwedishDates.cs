using System.Globalization;

namespace Integration.Core.Notifications;

/// <summary>
/// Dates as a Swedish reader writes them: "2 december 2026". The month names are spelled out here
/// rather than taken from the sv-SE culture, so a host without ICU data still writes Swedish.
/// </summary>
public static class SwedishDates
{
    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    /// <summary>"1 dag", "12 dagar".</summary>
    public static string Days(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"{days} {(days == 1 ? "dag" : "dagar")}");
}
