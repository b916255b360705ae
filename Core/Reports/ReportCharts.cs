using System.Globalization;
using Integration.Core.Indicators;
using PdfSharp.Drawing;

namespace Integration.Core.Reports;

/// <summary>
/// The report's charts, drawn as vectors with PDFsharp's own graphics: they print sharp at any
/// size, and they are told apart by line style and grey tone, not colour alone, so they read in
/// black and white.
/// </summary>
internal static class ReportCharts
{
    private static readonly XFont Axis = new(ReportFonts.Family, 7);
    private static readonly XPen Frame = new(XColors.Black, 0.5);
    private static readonly XPen Grid = new(XColor.FromArgb(210, 210, 210), 0.4);

    /// <summary>
    /// An indicator's series over the period, the target as a dashed line with its value. A series
    /// with a single day is drawn as a dot.
    /// </summary>
    public static void Line(XGraphics gfx, XRect area, IReadOnlyList<SeriesPoint> series, IndicatorGoal goal, DateOnly from, DateOnly to)
    {
        var plot = new XRect(area.X + 46, area.Y + 6, area.Width - 56, area.Height - 22);
        var max = Math.Max(series.Count == 0 ? 0 : series.Max(p => p.Value), goal.Target);
        var min = Math.Min(0, series.Count == 0 ? 0 : series.Min(p => p.Value));
        var (top, step) = NiceScale(min, max);
        if (series.Count > 0 && series[0].Day > from) from = series[0].Day;
        var days = Math.Max(1, to.DayNumber - from.DayNumber);

        double X(DateOnly day) => plot.X + plot.Width * (day.DayNumber - from.DayNumber) / days;
        double Y(double value) => plot.Bottom - plot.Height * (value - min) / (top - min);

        for (var v = min; v <= top + step / 2; v += step)
        {
            gfx.DrawLine(Grid, plot.X, Y(v), plot.Right, Y(v));
            gfx.DrawString(ReportTexts.Number(v), Axis, XBrushes.Black, new XRect(area.X, Y(v) - 5, 42, 10), XStringFormats.CenterRight);
        }

        // A label at each month's first day (every other month over a longer span), and the first day.
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        var every = months > 7 ? 2 : 1;
        for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(1); month <= to; month = month.AddMonths(every))
        {
            gfx.DrawLine(Grid, X(month), plot.Y, X(month), plot.Bottom);
            var label = month.Month == 1 ? $"{ReportTexts.ShortMonth(1)} {month.Year}" : ReportTexts.ShortMonth(month.Month);
            gfx.DrawString(label, Axis, XBrushes.Black, new XRect(X(month) - 25, plot.Bottom + 2, 50, 10), XStringFormats.TopCenter);
        }

        // Over a short span the month marks say little: name the first and the last day too.
        if (months < 3)
        {
            gfx.DrawString(ReportTexts.ShortDate(from), Axis, XBrushes.Black, new XRect(plot.X, plot.Bottom + 2, 60, 10), XStringFormats.TopLeft);
            gfx.DrawString(ReportTexts.ShortDate(to), Axis, XBrushes.Black, new XRect(plot.Right - 60, plot.Bottom + 2, 60, 10), XStringFormats.TopRight);
        }

        gfx.DrawRectangle(Frame, plot);

        var target = new XPen(XColors.Black, 1) { DashStyle = XDashStyle.Dash };
        gfx.DrawLine(target, plot.X, Y(goal.Target), plot.Right, Y(goal.Target));
        gfx.DrawString($"Mål {goal.Comparison} {ReportTexts.Number(goal.Target)}", Axis, XBrushes.Black,
            new XRect(plot.X + 3, Y(goal.Target) - 10, plot.Width - 6, 9), XStringFormats.TopLeft);

        var line = new XPen(XColor.FromArgb(0, 70, 140), 1.6) { LineJoin = XLineJoin.Round };
        if (series.Count == 1)
        {
            gfx.DrawEllipse(XBrushes.Black, X(series[0].Day) - 2, Y(series[0].Value) - 2, 4, 4);
        }
        else if (series.Count > 1)
        {
            gfx.DrawLines(line, series.Select(p => new XPoint(X(p.Day), Y(p.Value))).ToArray());
            var last = series[^1];
            gfx.DrawEllipse(XBrushes.Black, X(last.Day) - 2, Y(last.Value) - 2, 4, 4);
        }

        if (series.Count == 0)
        {
            gfx.DrawString("Ingen serie lagrad ännu", Axis, XBrushes.Black, plot, XStringFormats.Center);
        }
    }

    /// <summary>The statuses' fills: grey tones from light to dark, the cancelled ones hatched white.</summary>
    private static readonly (string Name, XBrush Fill)[] StatusFills =
    [
        ("Ej påbörjad", new XSolidBrush(XColor.FromArgb(200, 200, 200))),
        ("Pågår", new XSolidBrush(XColor.FromArgb(120, 120, 120))),
        ("Klar", new XSolidBrush(XColor.FromArgb(30, 30, 30))),
        ("Avbruten", XBrushes.White),
    ];

    /// <summary>Activities per responsible body, one horizontal bar each, stacked by status, with a legend; returns the height used.</summary>
    public static double Bars(XGraphics gfx, double x, double y, double width, IReadOnlyList<BodyStatusCount> bodies)
    {
        const double bar = 12, gap = 5, labelWidth = 150;
        var max = Math.Max(1, bodies.Count == 0 ? 1 : bodies.Max(b => b.Total));
        var plotWidth = width - labelWidth - 40;
        var top = y;

        // Legend first, so a reader knows the tones before the bars.
        var lx = x + labelWidth;
        foreach (var (name, fill) in StatusFills)
        {
            gfx.DrawRectangle(Frame, fill, lx, y + 1, 9, 9);
            gfx.DrawString(name, Axis, XBrushes.Black, new XRect(lx + 12, y, 70, 11), XStringFormats.CenterLeft);
            lx += 80;
        }

        y += 18;
        foreach (var body in bodies)
        {
            gfx.DrawString(Fit(gfx, body.Body, labelWidth - 6), Axis, XBrushes.Black, new XRect(x, y, labelWidth - 6, bar), XStringFormats.CenterRight);
            var bx = x + labelWidth;
            int[] counts = [body.NotStarted, body.InProgress, body.Done, body.Cancelled];
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] == 0) continue;
                var w = plotWidth * counts[i] / max;
                gfx.DrawRectangle(Frame, StatusFills[i].Fill, bx, y, w, bar);
                bx += w;
            }

            gfx.DrawString(body.Total.ToString(CultureInfo.InvariantCulture), Axis, XBrushes.Black, new XRect(bx + 4, y, 36, bar), XStringFormats.CenterLeft);
            y += bar + gap;
        }

        return y - top;
    }

    public static double BarsHeight(int bodies) => 18 + bodies * 17;

    private static string Fit(XGraphics gfx, string text, double width)
    {
        if (gfx.MeasureString(text, Axis).Width <= width) return text;
        var length = text.Length;
        while (length > 0 && gfx.MeasureString(string.Concat(text.AsSpan(0, length), "…"), Axis).Width > width) length--;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    /// <summary>A top at a round number above the data and a step that gives four or five grid lines.</summary>
    private static (double Top, double Step) NiceScale(double min, double max)
    {
        var range = Math.Max(max - min, 1);
        var raw = range / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        var top = min + Math.Ceiling(range * 1.05 / step) * step;
        return (top, step);
    }
}
