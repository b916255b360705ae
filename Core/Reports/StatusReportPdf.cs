using System.Globalization;
using Integration.Core.Notifications;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Integration.Core.Reports;

/// <summary>
/// Draws the weekly status report (lägesrapport) as an A4 PDF with PDFsharp (MIT up to 6.2; see
/// docs/status-report.md for why this library): summary with traffic lights, goals with their
/// series against the target, activities overdue or due soon with a chart per responsible body,
/// the week's meeting notes, register warnings, open data problems and the budget assignments.
/// Every page has the report's name, the date it was made and its page number.
/// </summary>
public static class StatusReportPdf
{
    public static byte[] Render(StatusReportModel model, TimeZoneInfo zone)
    {
        using var stream = new MemoryStream();
        Write(model, zone, stream);
        return stream.ToArray();
    }

    public static void Write(StatusReportModel model, TimeZoneInfo zone, Stream output)
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = ReportTexts.Title(model.Week);
        document.Info.Subject = ReportTexts.Period(model.Week);
        document.Info.Author = "Nätverket för arbetsintegrerande sociala företag";
        document.Info.Creator = "Integrationen för handlingsplanen";
        document.Info.CreationDate = model.MadeAt.UtcDateTime;

        using (var pages = new PdfPages(document))
        {
            pages.NewPage();
            Summary(pages, model, zone);
            Goals(pages, model);
            Activities(pages, model);
            Notes(pages, model);
            Register(pages, model);
            Assignments(pages, model);
        }

        Footers(document, model, zone);
        document.Save(output, closeStream: false);
    }

    private static void Summary(PdfPages p, StatusReportModel model, TimeZoneInfo zone)
    {
        foreach (var line in p.Wrap(ReportTexts.Title(model.Week), PdfPages.TitleFont, p.Width))
        {
            p.Gfx.DrawString(line, PdfPages.TitleFont, XBrushes.Black, new XRect(p.Left, p.Y, p.Width, 24), XStringFormats.TopLeft);
            p.Y += 22;
        }

        p.Y += 4;
        var asOf = model.AsOf == model.Week.Sunday ? "" : $" (veckan pågår: läget {SwedishDates.Format(model.AsOf)})";
        p.Paragraph(ReportTexts.Period(model.Week) + asOf, PdfPages.SubHeading);
        p.Paragraph(ReportTexts.Made(model.MadeAt, zone) + ". " + ReportTexts.Source(model.FiguresDay), PdfPages.Small, after: 8);

        p.Section("Sammanfattning");
        var h = model.Headline;
        Light(p, ReportLights.Goals(h), "Mål uppnådda", h.GoalsTotal == 0 ? "inga mål med indikator" : $"{h.GoalsMet} av {h.GoalsTotal}");
        Light(p, ReportLights.Overdue(h), "Försenade aktiviteter", $"{h.Overdue} ({ReportTexts.Change(h.Overdue, h.OverdueLastWeek)})");
        Light(p, ReportLights.DataProblems(h), "Öppna dataproblem", h.OpenDataProblems.ToString(CultureInfo.InvariantCulture));
        Light(p, ReportLights.Agreements(h), "Aktiva avtal", $"{h.ActiveAgreements}, årsvärde {h.Year}: {ReportTexts.Kronor(h.AgreementsValueThisYear)}");
        p.Y += 4;
        p.Paragraph($"Aktiviteter i planen: {h.ItemsTotal}, varav {h.ItemsOpen} öppna och {h.DueSoon} med slutdatum inom {StatusReportReader.HorizonDays} dagar.", PdfPages.Body);
        p.Paragraph("Trafikljusen: mål – grön när alla är uppnådda, gul när minst hälften är det, annars röd. Försenade – grön vid noll, gul när antalet inte ökat sedan förra veckan, annars röd. "
            + "Dataproblem – grön vid noll, gul upp till fem, annars röd. Avtal – grön när något avtal är aktivt.", PdfPages.Small);
    }

    private static void Light(PdfPages p, TrafficLight light, string label, string value)
    {
        const double height = 20;
        p.Ensure(height);
        DrawLight(p.Gfx, light, p.Left + 2, p.Y + 3);
        p.Gfx.DrawString(ReportTexts.Word(light), PdfPages.BodyBold, XBrushes.Black, new XRect(p.Left + 22, p.Y, 80, height), XStringFormats.CenterLeft);
        p.Gfx.DrawString(label, PdfPages.BodyBold, XBrushes.Black, new XRect(p.Left + 105, p.Y, 160, height), XStringFormats.CenterLeft);
        p.Gfx.DrawString(p.Clip(value, PdfPages.Body, p.Width - 270), PdfPages.Body, XBrushes.Black, new XRect(p.Left + 270, p.Y, p.Width - 270, height), XStringFormats.CenterLeft);
        p.Y += height;
    }

    /// <summary>A lamp: colour for the screen, and a mark inside (✓, !, ×) so it is told apart in black and white too.</summary>
    internal static void DrawLight(XGraphics gfx, TrafficLight light, double x, double y)
    {
        var color = light switch
        {
            TrafficLight.Green => XColor.FromArgb(46, 125, 50),
            TrafficLight.Yellow => XColor.FromArgb(249, 168, 37),
            TrafficLight.Red => XColor.FromArgb(198, 40, 40),
            _ => XColor.FromArgb(200, 200, 200),
        };
        gfx.DrawEllipse(new XPen(XColors.Black, 0.7), new XSolidBrush(color), x, y, 14, 14);
        var pen = new XPen(light == TrafficLight.Yellow ? XColors.Black : XColors.White, 1.6);
        switch (light)
        {
            case TrafficLight.Green:
                gfx.DrawLines(pen, [new XPoint(x + 3.5, y + 7.5), new XPoint(x + 6, y + 10), new XPoint(x + 10.5, y + 4)]);
                break;
            case TrafficLight.Yellow:
                gfx.DrawLine(pen, x + 7, y + 3, x + 7, y + 8.5);
                gfx.DrawEllipse(XBrushes.Black, x + 6.1, y + 10, 1.8, 1.8);
                break;
            case TrafficLight.Red:
                gfx.DrawLine(pen, x + 4, y + 4, x + 10, y + 10);
                gfx.DrawLine(pen, x + 10, y + 4, x + 4, y + 10);
                break;
        }
    }

    private static void Goals(PdfPages p, StatusReportModel model)
    {
        p.Section("Mål och indikatorer");
        if (model.Goals.Count == 0)
        {
            p.Paragraph("Ingen aktivitet i planen har ett mål som anger en indikator (till exempel 'Indikator: enterprises.withActiveAgreement ≥ 25').", PdfPages.Body);
            return;
        }

        var from = model.AsOf.AddMonths(-StatusReportReader.SeriesMonths);
        foreach (var goal in model.Goals)
        {
            const double chart = 120;
            p.Ensure(2 * p.LineHeight(PdfPages.SubHeading) + chart + 12);
            DrawLight(p.Gfx, ReportLights.Goal(goal), p.Left, p.Y);
            var met = goal.Met switch { true => "Grön – Uppnått", false => "Röd – Ej uppnått", null => "Ingen uppgift – indikatorn saknar värde" };
            p.Gfx.DrawString(p.Clip($"{met}: {goal.Title}", PdfPages.SubHeading, p.Width - 20), PdfPages.SubHeading, XBrushes.Black,
                new XRect(p.Left + 20, p.Y, p.Width - 20, 16), XStringFormats.TopLeft);
            p.Y += p.LineHeight(PdfPages.SubHeading) + 2;
            var value = goal.Value is { } v ? ReportTexts.Number(v) : "saknas";
            p.Paragraph($"Indikator {goal.Goal.Indicator}: värde {value}, mål {goal.Goal.Comparison} {ReportTexts.Number(goal.Goal.Target)}", PdfPages.Body, indent: 20, after: 2);
            ReportCharts.Line(p.Gfx, new XRect(p.Left, p.Y, p.Width, chart), goal.Series, goal.Goal, from, model.AsOf);
            p.Y += chart + 10;
        }
    }

    /// <summary>At most this many bodies get a bar; the rest are summed in the text below.</summary>
    private const int MaxBars = 20;

    private static void Activities(PdfPages p, StatusReportModel model)
    {
        p.Section("Aktiviteter: försenade och med slutdatum inom 14 dagar");
        if (model.Activities.Count == 0)
        {
            p.Paragraph("Ingen öppen aktivitet är försenad eller har slutdatum inom 14 dagar.", PdfPages.Body);
        }
        else
        {
            p.Table(["Aktivitet", "Ansvarig nämnd/bolag", "Ansvarig", "Slutdatum", "Läge"], [0.31, 0.25, 0.17, 0.13, 0.14],
                model.Activities.Select(a => (IReadOnlyList<string>)[a.Title, a.Body ?? "–", a.Owner ?? "–", ReportTexts.TableDate(a.Due), ReportTexts.Lateness(a.DaysOverdue)]));
            if (model.ActivitiesNotListed > 0) p.Paragraph($"Ytterligare {model.ActivitiesNotListed} aktiviteter är försenade eller har slutdatum inom 14 dagar; listan i SharePoint visar alla.", PdfPages.Small);
        }

        var bodies = model.ByBody.Take(MaxBars).ToList();
        p.Ensure(p.LineHeight(PdfPages.SubHeading) + ReportCharts.BarsHeight(bodies.Count) + 10);
        p.Paragraph("Aktiviteter per ansvarig nämnd eller bolag, efter status", PdfPages.SubHeading);
        p.Y += ReportCharts.Bars(p.Gfx, p.Left, p.Y, p.Width, bodies) + 4;
        if (model.ByBody.Count > MaxBars)
        {
            var rest = model.ByBody.Skip(MaxBars).ToList();
            p.Paragraph($"Ytterligare {rest.Count} nämnder och bolag har tillsammans {rest.Sum(b => b.Total)} aktiviteter.", PdfPages.Small);
        }
    }

    private static void Notes(PdfPages p, StatusReportModel model)
    {
        p.Section("Mötesanteckningar arkiverade under veckan");
        if (model.Notes.Count == 0)
        {
            p.Paragraph("Inga mötesanteckningar arkiverades under veckan.", PdfPages.Body);
            return;
        }

        p.Table(["Mötesdatum", "Grupp", "Fil", "Dokumentnummer"], [0.17, 0.25, 0.36, 0.22],
            model.Notes.Select(n => (IReadOnlyList<string>)[ReportTexts.TableDate(n.MeetingDate), n.Group ?? "–", n.FileName, n.DocumentNumber ?? "ej registrerad än"]));
    }

    private static void Register(PdfPages p, StatusReportModel model)
    {
        p.Section("Registret: varningar och öppna dataproblem");
        if (model.Warnings.Count == 0)
        {
            p.Paragraph("Inga varningar från Bolagsverket gäller just nu.", PdfPages.Body);
        }
        else
        {
            p.Table(["Företag", "Organisationsnummer", "Status i registret", "Sedan"], [0.4, 0.22, 0.22, 0.16],
                model.Warnings.Select(w => (IReadOnlyList<string>)[w.Enterprise, w.OrganisationNumber, w.Status, w.Since ?? "–"]));
        }

        if (model.DataProblems.Count == 0)
        {
            p.Paragraph("Inga öppna dataproblem: varje rad i listorna kunde läsas.", PdfPages.Body);
        }
        else
        {
            p.Paragraph("Öppna dataproblem (fel och varningar; vad som ska rättas står i kolumnen Att rätta i respektive lista):", PdfPages.Body);
            p.Table(["Lista", "Öppna"], [0.6, 0.4], model.DataProblems.Select(d => (IReadOnlyList<string>)[ReportTexts.Source(d.Source), d.Open.ToString(CultureInfo.InvariantCulture)]));
        }
    }

    /// <summary>At most this many assignments are written out; the rest are counted.</summary>
    private const int MaxAssignments = 40;

    private static void Assignments(PdfPages p, StatusReportModel model)
    {
        p.Section("Budgetuppdrag och aktiviteterna som följer av dem");
        if (model.Assignments.Count == 0)
        {
            p.Paragraph("Inga budgetuppdrag är hämtade från ärendesystemet.", PdfPages.Body);
            return;
        }

        foreach (var a in model.Assignments.Take(MaxAssignments))
        {
            p.Ensure(3 * p.LineHeight(PdfPages.Body));
            var deadline = a.Deadline is { } d ? $", slutdatum {SwedishDates.Format(d)}" : "";
            var status = a.Closed ? ", avslutat" : a.Status is { Length: > 0 } s ? $", {s}" : "";
            p.Paragraph($"{a.DiaryNumber} – {a.Title}{deadline}{status}", PdfPages.BodyBold, after: 1);
            var items = a.PlanItems.Count == 0 ? "Ingen aktivitet i planen hänvisar till uppdraget."
                : $"Aktiviteter ({a.PlanItems.Count}): " + string.Join("; ", a.PlanItems.Take(25)) + (a.PlanItems.Count > 25 ? $" och {a.PlanItems.Count - 25} till" : "");
            p.Paragraph(items, PdfPages.Body, indent: 12, after: 5);
        }

        if (model.Assignments.Count > MaxAssignments) p.Paragraph($"Ytterligare {model.Assignments.Count - MaxAssignments} budgetuppdrag finns i listan Budgetuppdrag.", PdfPages.Small);
    }

    private static void Footers(PdfDocument document, StatusReportModel model, TimeZoneInfo zone)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - PdfPages.Margin;
            var width = page.Width.Point - 2 * PdfPages.Margin;
            gfx.DrawLine(new XPen(XColors.Black, 0.4), PdfPages.Margin, y - 4, PdfPages.Margin + width, y - 4);
            gfx.DrawString($"Lägesrapport {model.Week.SwedishLabel} · {ReportTexts.Made(model.MadeAt, zone)}", PdfPages.Small, XBrushes.Black,
                new XRect(PdfPages.Margin, y, width, 12), XStringFormats.TopLeft);
            gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"Sida {i + 1} av {document.PageCount}"), PdfPages.Small, XBrushes.Black,
                new XRect(PdfPages.Margin, y, width, 12), XStringFormats.TopRight);
        }
    }
}
