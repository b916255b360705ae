using System.Text.Json;
using Integration.Core.Hosting;
using Integration.Core.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Report;

/// <summary>
/// <c>report [--week 2026-W49] [--output file.pdf] [--json]</c>: builds the week's status report
/// (lägesrapport) from the stores and writes it locally; by default the last whole week, as
/// <c>Lägesrapport 2026-v49.pdf</c> in the working folder. Exits 2 for a week that cannot be read.
/// </summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(IConfiguration configuration, string? week, string? output, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ReportWeek? named = null;
        if (week is not null && !ReportWeek.TryParse(week, out named))
        {
            await stderr.WriteLineAsync($"--week '{week}' is not an ISO week such as 2026-W49.");
            return 2;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration);
        await using var provider = services.BuildServiceProvider();
        var builder = provider.GetRequiredService<StatusReportBuilder>();
        var chosen = named ?? builder.DefaultWeek();
        var report = await builder.BuildAsync(chosen, ct);
        var path = Path.GetFullPath(output ?? chosen.FileName);
        if (Path.GetDirectoryName(path) is { } folder) Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(path, report.Pdf, ct);

        if (json)
        {
            await stdout.WriteLineAsync(ToJson(report, path));
        }
        else
        {
            var h = report.Model.Headline;
            await stdout.WriteLineAsync($"Status report for {chosen} ({report.Pdf.Length:N0} bytes): {path}");
            await stdout.WriteLineAsync($"  goals met {h.GoalsMet}/{h.GoalsTotal}, overdue {h.Overdue}, open data problems {h.OpenDataProblems}, active agreements {h.ActiveAgreements}");
        }

        return 0;
    }

    public static string ToJson(BuiltReport report, string path)
    {
        var m = report.Model;
        var h = m.Headline;
        return JsonSerializer.Serialize(new
        {
            week = m.Week.ToString(),
            file = path,
            fileName = m.Week.FileName,
            bytes = report.Pdf.Length,
            asOf = m.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            figuresDay = m.FiguresDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            headline = new
            {
                goalsMet = h.GoalsMet,
                goalsTotal = h.GoalsTotal,
                itemsTotal = h.ItemsTotal,
                itemsOpen = h.ItemsOpen,
                overdue = h.Overdue,
                overdueLastWeek = h.OverdueLastWeek,
                dueSoon = h.DueSoon,
                openDataProblems = h.OpenDataProblems,
                activeAgreements = h.ActiveAgreements,
                agreementsValueThisYear = h.AgreementsValueThisYear,
            },
            goals = m.Goals.Select(g => new { title = g.Title, indicator = g.Goal.Indicator, comparison = g.Goal.Comparison, target = g.Goal.Target, value = g.Value, met = g.Met, points = g.Series.Count }),
            activities = m.Activities.Count + m.ActivitiesNotListed,
            meetingNotes = m.Notes.Count,
            registerWarnings = m.Warnings.Count,
            assignments = m.Assignments.Count,
        }, Json);
    }
}
