using System.Globalization;
using Integration.Core.Indicators;
using Integration.Core.Notifications;

namespace Integration.Core.Reports;

/// <summary>The report's Swedish texts in one place: the network reads the report, engineers read the code.</summary>
public static class ReportTexts
{
    public const string PlanName = "Handlingsplanen för arbetsintegrerande sociala företag";

    /// <summary>"Handlingsplanen för arbetsintegrerande sociala företag – lägesrapport vecka 49, 2026".</summary>
    public static string Title(ReportWeek week) => $"{PlanName} – lägesrapport {week.SwedishLabel}";

    /// <summary>"Vecka 49: 30 november – 6 december 2026".</summary>
    public static string Period(ReportWeek week)
    {
        var monday = week.Monday.Year == week.Sunday.Year
            ? string.Create(CultureInfo.InvariantCulture, $"{week.Monday.Day} {Months[week.Monday.Month - 1]}")
            : SwedishDates.Format(week.Monday);
        return string.Create(CultureInfo.InvariantCulture, $"Vecka {week.Week}: {monday} – {SwedishDates.Format(week.Sunday)}");
    }

    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    /// <summary>"20 nov 2026", for a table's narrow date column.</summary>
    public static string TableDate(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Day} {ShortMonth(day.Month)} {day.Year}");

    public static string Made(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return string.Create(CultureInfo.InvariantCulture, $"Skapad {SwedishDates.Format(DateOnly.FromDateTime(local.DateTime))} kl. {local:HH:mm}");
    }

    public static string Source(DateOnly? figuresDay) =>
        "Källa: integrationens lagrade data – handlingsplanens aktiviteter (SharePoint-listan, synkad varje natt), indikatorernas dagliga serie, "
        + "arkiverade mötesanteckningar, budgetuppdrag ur ärendesystemet, registerkontroller och öppna dataproblem. "
        + (figuresDay is { } day ? $"Nyckeltalen avser nattkörningen {SwedishDates.Format(day)}." : "Ingen nattkörning med indikatorer finns lagrad ännu.");

    public static string Number(double value) => IndicatorGoal.SwedishNumber(value);

    public static string Kronor(double value) => $"{Number(value)} kr";

    /// <summary>A traffic light's word, printed beside its colour so the report reads the same in black and white.</summary>
    public static string Word(TrafficLight light) => light switch
    {
        TrafficLight.Green => "Grön",
        TrafficLight.Yellow => "Gul",
        TrafficLight.Red => "Röd",
        _ => "Ingen uppgift",
    };

    public static string StatusName(string status) => status switch
    {
        "NotStarted" => "Ej påbörjad",
        "InProgress" => "Pågår",
        "Done" => "Klar",
        "Cancelled" => "Avbruten",
        _ => status,
    };

    public static string RegisterStatus(string status) => status switch
    {
        "Deregistered" => "Avregistrerad",
        "Bankrupt" => "I konkurs",
        "InLiquidation" => "I likvidation",
        _ => status,
    };

    /// <summary>"12 dagar sen" for an overdue activity, "om 3 dagar" for one still to come, "i dag" on the day.</summary>
    public static string Lateness(int daysOverdue) => daysOverdue switch
    {
        > 0 => $"{SwedishDates.Days(daysOverdue)} sen",
        0 => "i dag",
        _ => $"om {SwedishDates.Days(-daysOverdue)}",
    };

    /// <summary>"+2 sedan förra veckan", "oförändrat sedan förra veckan", or nothing when last week is not in the series.</summary>
    public static string Change(int now, int? lastWeek) => lastWeek switch
    {
        null => "ingen jämförelse med förra veckan",
        var last when now == last => "oförändrat sedan förra veckan",
        var last => string.Create(CultureInfo.InvariantCulture, $"{(now > last ? "+" : "−")}{Math.Abs(now - last.Value)} sedan förra veckan"),
    };

    private static readonly string[] ShortMonths = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static string ShortMonth(int month) => ShortMonths[month - 1];

    /// <summary>"1 dec" as a chart's axis label.</summary>
    public static string ShortDate(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Day} {ShortMonth(day.Month)}");

    public static string Source(string source) => source switch
    {
        "PlanItems" => "Handlingsplanens aktiviteter",
        "MeetingNotes" => "Mötesanteckningar",
        "BudgetAssignments" => "Budgetuppdrag",
        "Enterprises" => "Register över sociala företag",
        "Agreements" => "Avtal",
        _ => source,
    };
}

/// <summary>A traffic light (trafikljus) as the follow-up systems use it; the report always prints its word too.</summary>
public enum TrafficLight
{
    None,
    Green,
    Yellow,
    Red,
}
