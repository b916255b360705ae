using Integration.Core.Calendar;

namespace Integration.Core.Reports;

/// <summary>A week's report: the model read from the stores, and the PDF drawn from it.</summary>
public sealed class StatusReportBuilder(StatusReportReader reader, NetworkCalendar calendar)
{
    public ReportWeek DefaultWeek() => ReportWeek.Default(calendar.Today());

    public async Task<BuiltReport> BuildAsync(ReportWeek week, CancellationToken ct)
    {
        var model = await reader.ReadAsync(week, ct);
        return new BuiltReport(model, StatusReportPdf.Render(model, calendar.TimeZone));
    }
}

/// <summary>The model and its PDF's bytes.</summary>
public sealed record BuiltReport(StatusReportModel Model, byte[] Pdf);
