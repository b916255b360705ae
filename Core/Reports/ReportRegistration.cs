using Integration.Core.CaseSystem;
using Microsoft.Extensions.Options;

namespace Integration.Core.Reports;

/// <summary>
/// With <c>Reports__RegisterInCaseSystem=true</c>, registers the week's report as a document on the
/// network's case, once per week, by the meeting notes' exactly-once rule (<see cref="ICaseSystem"/>):
/// the document carries the marker <c>statusreport:2026-W49</c>, and the marker is looked up before
/// every create, so a rerun the same week, or a retry after a create whose answer was lost, finds the
/// document instead of making a second one. The first registration of a week stands; the library
/// keeps the latest file. A refusal fails the step, and the next run tries again.
/// </summary>
public sealed class ReportRegistration(IOptions<ReportsOptions> reports, IOptions<CaseSystemOptions> caseSystemOptions, ICaseSystem? caseSystem = null) : IReportFollowUp
{
    public static string Marker(ReportWeek week) => $"statusreport:{week}";

    public async Task<FollowUpOutcome> RunAsync(PublishedReport report, CancellationToken ct)
    {
        if (!reports.Value.RegisterInCaseSystem) return new FollowUpOutcome(new Dictionary<string, int>(), null);
        var settings = caseSystemOptions.Value;
        if (caseSystem is null || !settings.IsConfigured || string.IsNullOrWhiteSpace(settings.NetworkCaseNumber))
        {
            return new FollowUpOutcome(new Dictionary<string, int> { ["reportRegistered"] = 0 },
                "not registered: Reports__RegisterInCaseSystem is true but the case system is not configured (CaseSystem__BaseUrl and CaseSystem__NetworkCaseNumber)", Failed: true);
        }

        var marker = Marker(report.Week);
        try
        {
            if (await caseSystem.FindDocumentAsync(settings.NetworkCaseNumber, marker, ct) is { } existing)
            {
                return new FollowUpOutcome(new Dictionary<string, int> { ["reportRegistered"] = 0, ["reportAlreadyRegistered"] = 1 }, $"registered on the case already as {existing.DocumentNumber}");
            }

            var created = await caseSystem.CreateDocumentAsync(Draft(report, settings, marker), ct);
            return new FollowUpOutcome(new Dictionary<string, int> { ["reportRegistered"] = 1, ["reportAlreadyRegistered"] = 0 }, $"registered on the case as {created.DocumentNumber}");
        }
        catch (CaseSystemException ex)
        {
            return new FollowUpOutcome(new Dictionary<string, int> { ["reportRegistered"] = 0 }, "not registered: " + ex.FullMessage, Failed: true);
        }
    }

    private static CaseDocumentDraft Draft(PublishedReport report, CaseSystemOptions settings, string marker)
    {
        var week = report.Week;
        var pdf = report.Report.Pdf;
        return new CaseDocumentDraft(
            settings.NetworkCaseNumber!,
            $"Lägesrapport {week.SwedishLabel} – {ReportTexts.PlanName.ToLowerInvariant()}",
            $"Veckovis lägesrapport för handlingsplanen, {ReportTexts.Period(week).ToLowerInvariant()}. Fil: {week.FileName}.",
            week.Sunday,
            marker,
            Path.GetFileNameWithoutExtension(week.FileName),
            "pdf",
            pdf.Length,
            _ => Task.FromResult<Stream>(new MemoryStream(pdf, writable: false)))
        {
            Category = settings.DocumentCategory,
            Status = settings.DocumentStatus,
            AccessCode = settings.AccessCode,
        };
    }
}
