using Integration.Core.Reports;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Reports;

/// <summary>The week-49 report of two real nights, read back with poppler-utils and rendered page by page.</summary>
public class StatusReportPdfTests(AzuriteFixture azurite) : ReportTest(azurite)
{
    [SkippableFact]
    public async Task ThePdfHoldsTheWeekTheFiguresTheGoalsAndTheOverdueTitlesWithSwedishLettersIntact()
    {
        Skip.If(PdfTools.MissingReason is not null, PdfTools.MissingReason);
        await TwoNightsAsync();

        var report = await Harness.Get<StatusReportBuilder>().BuildAsync(Week49, CancellationToken.None);
        var pdf = TempPdf(Week49.FileName);
        await File.WriteAllBytesAsync(pdf, report.Pdf);
        var text = await PdfTools.TextAsync(pdf);

        Assert.Contains("Handlingsplanen för arbetsintegrerande sociala företag – lägesrapport vecka 49, 2026", text, StringComparison.Ordinal);
        Assert.Contains("Vecka 49: 30 november – 6 december 2026", text, StringComparison.Ordinal);
        Assert.Contains("Nyckeltalen avser nattkörningen 4 december 2026", text, StringComparison.Ordinal);
        // The summary: goals met of total, overdue with the change since the first night, data problems, agreements.
        Assert.Contains("Gul Mål uppnådda 1 av 2", text, StringComparison.Ordinal);
        Assert.Contains("Röd Försenade aktiviteter 2 (+1 sedan förra veckan)", text, StringComparison.Ordinal);
        Assert.Contains("Grön Öppna dataproblem 0", text, StringComparison.Ordinal);
        Assert.Contains("Grön Aktiva avtal 2, årsvärde 2026: 350 000 kr", text, StringComparison.Ordinal);
        // Each goal with its value and target, and its light's word.
        Assert.Contains($"Grön – Uppnått: {GoalMet}", text, StringComparison.Ordinal);
        Assert.Contains("Indikator enterprises.withActiveAgreement: värde 2, mål ≥ 2", text, StringComparison.Ordinal);
        Assert.Contains($"Röd – Ej uppnått: {GoalNotMet}", text, StringComparison.Ordinal);
        Assert.Contains("Indikator agreements.value.2026: värde 350 000, mål ≥ 1 000 000", text, StringComparison.Ordinal);
        // The activities: overdue and due soon, with the owners' names from the site.
        Assert.Contains($"{LongOverdue} Arbetsmarknadsnämnden Anna Lindqvist 20 nov 2026 14 dagar sen", text, StringComparison.Ordinal);
        Assert.Contains($"{NewlyOverdue} Socialnämnden Omar Haddad 1 dec 2026 3 dagar sen", text, StringComparison.Ordinal);
        Assert.Contains($"{DueSoon} Kulturnämnden Omar Haddad 10 dec 2026 om 6 dagar", text, StringComparison.Ordinal);
        Assert.Contains("Sida 1 av", text, StringComparison.Ordinal);

        Assert.Equal((2, 1, 2, 1), (report.Model.Headline.Overdue, report.Model.Headline.OverdueLastWeek, report.Model.Goals.Count, report.Model.Headline.GoalsMet));
        Assert.All(report.Model.Goals, g => Assert.Equal([FirstNight, FirstNight.AddDays(7)], g.Series.Select(p => p.Day)));
    }

    [SkippableFact]
    public async Task EveryPageRendersAndTheFontIsEmbedded()
    {
        Skip.If(PdfTools.MissingReason is not null, PdfTools.MissingReason);
        await TwoNightsAsync();

        var report = await Harness.Get<StatusReportBuilder>().BuildAsync(Week49, CancellationToken.None);
        var pdf = TempPdf("report.pdf");
        await File.WriteAllBytesAsync(pdf, report.Pdf);

        var pages = await PdfTools.PagesAsync(pdf);
        var images = await PdfTools.RenderAsync(pdf, "lagesrapport-2026-v49");
        Assert.True(pages >= 2, $"{pages} page(s)");
        Assert.Equal(pages, images.Count);
        Assert.All(images, image => Assert.True(new FileInfo(image).Length > 5_000, $"{image} is nearly empty"));
        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.Contains("Liberation Sans", fonts, StringComparison.Ordinal);
        // pdffonts: one line per font; its "emb" column is yes for every one.
        var lines = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line));
    }
}
