using System.Globalization;
using Integration.Core.Calendar;
using Integration.Core.Indicators;
using Integration.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Demo;

/// <summary>
/// The weekly status report in the demo. A fresh demo has one night of indicators, so it first
/// seeds twelve weeks of history before today (and says so): each figure climbs to today's value
/// from about half of it, the overdue count wanders, so the report's charts have a trend to show.
/// Then this week's report is built from the stores, written next to where the demo runs, and the
/// "Veckans läge" card is shown as text.
/// </summary>
internal static class DemoReport
{
    public const int HistoryWeeks = 12;

    public static async Task WriteAsync(IServiceProvider provider, string folder, TextWriter output, CancellationToken ct)
    {
        var calendar = provider.GetRequiredService<NetworkCalendar>();
        var store = provider.GetRequiredService<IndicatorStore>();
        var today = calendar.Today();
        var figures = await store.LoadDayAsync(today, ct);
        var days = await SeedHistoryAsync(store, today, figures, ct);

        var week = ReportWeek.Of(today);
        var report = await provider.GetRequiredService<StatusReportBuilder>().BuildAsync(week, ct);
        var path = Path.GetFullPath(Path.Combine(folder, week.FileName));
        await File.WriteAllBytesAsync(path, report.Pdf, ct);

        output.WriteLine();
        output.WriteLine($"Status report (lägesrapport): seeded {HistoryWeeks} weeks of indicator history before today ({days} days, {figures.Count} indicators a day, " +
            "made up from today's figures so the charts have a trend to show); today's figures come from the night above.");
        output.WriteLine($"Wrote {path} ({report.Pdf.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes): {ReportTexts.Title(week)}.");
        output.WriteLine($"  {report.Model.Goals.Count} goal(s) with a chart, {report.Model.Activities.Count + report.Model.ActivitiesNotListed} activities overdue or due within 14 days, " +
            $"{report.Model.Notes.Count} meeting note(s) archived this week, {report.Model.Warnings.Count} register warning(s), {report.Model.Assignments.Count} budget assignment(s).");
        output.WriteLine("The Monday step (StatusReport) puts the last whole week's report in the library named by SharePoint__Libraries__Reports (not set in this demo, so run-once shows it skipped)");
        output.WriteLine("and posts this card to the channel, with a button to the file:");
        output.WriteLine(Indent(WeeklyCard.AsText(report.Model, reportUrl: null)));
    }

    /// <summary>Writes the <see cref="HistoryWeeks"/> weeks before today; a day already stored is written over (the demo's own storage).</summary>
    private static async Task<int> SeedHistoryAsync(IndicatorStore store, DateOnly today, IReadOnlyDictionary<string, double> figures, CancellationToken ct)
    {
        var days = HistoryWeeks * 7;
        var now = DateTimeOffset.UtcNow;
        for (var back = days; back >= 1; back--)
        {
            var share = 1 - 0.5 * back / days;
            var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, current) in figures)
            {
                values[name] = name.StartsWith(PlanFigures.ItemsOverdue, StringComparison.Ordinal)
                    ? Math.Max(0, Math.Round(current + 1.5 * Math.Sin(back / 4.0) + back / 30.0))
                    : Math.Round(current * share, current == Math.Floor(current) ? 0 : 2);
            }

            await store.SaveAsync(new IndicatorSnapshot(today.AddDays(-back), values), now, ct);
        }

        return days;
    }

    private static string Indent(string text) => string.Join(Environment.NewLine, text.Split(Environment.NewLine).Select(l => "  " + l));
}
