using System.Globalization;
using System.Text;

namespace Integration.Cli.Bench;

/// <summary>A small line chart as SVG, drawn from the bench's own figures (no plotting package needed for two panels).</summary>
internal static class SvgChart
{
    public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);

    public sealed record Panel(string Title, string YLabel, IReadOnlyList<Series> Series);

    private const int PanelWidth = 420;
    private const int PanelHeight = 300;
    private const int Left = 60;
    private const int Top = 40;
    private const int PlotWidth = 320;
    private const int PlotHeight = 200;

    public static string Render(IReadOnlyList<Panel> panels, string xLabel)
    {
        var svg = new StringBuilder();
        var width = PanelWidth * panels.Count;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{PanelHeight + 60}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{PanelHeight + 60}\" fill=\"white\"/>\n");
        for (var i = 0; i < panels.Count; i++)
        {
            DrawPanel(svg, panels[i], i * PanelWidth, xLabel);
        }

        // One legend for both panels.
        var legendSeries = panels.SelectMany(p => p.Series).DistinctBy(s => s.Name).ToList();
        for (var i = 0; i < legendSeries.Count; i++)
        {
            var x = 20 + i * 260;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{PanelHeight + 25}\" width=\"14\" height=\"4\" fill=\"{legendSeries[i].Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"{PanelHeight + 31}\">{Escape(legendSeries[i].Name)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void DrawPanel(StringBuilder svg, Panel panel, int offset, string xLabel)
    {
        var points = panel.Series.SelectMany(s => s.Points).ToList();
        var xMax = points.Max(p => p.X) * 1.05;
        var yMax = NiceCeiling(points.Max(p => p.Y));
        double X(double x) => offset + Left + x / xMax * PlotWidth;
        double Y(double y) => Top + PlotHeight - y / yMax * PlotHeight;

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{offset + Left}\" y=\"20\" font-size=\"13\" font-weight=\"bold\">{Escape(panel.Title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(xMax)}\" y2=\"{Y(0)}\" stroke=\"black\"/><line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(0)}\" y2=\"{Y(yMax)}\" stroke=\"black\"/>\n");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = yMax * tick / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0) - 4}\" y1=\"{Y(value):F1}\" x2=\"{X(xMax)}\" y2=\"{Y(value):F1}\" stroke=\"#ddd\"/><text x=\"{X(0) - 6}\" y=\"{Y(value) + 4:F1}\" text-anchor=\"end\">{value:G4}</text>\n");
        }

        foreach (var x in points.Select(p => p.X).Distinct())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(x):F1}\" y=\"{Y(0) + 16}\" text-anchor=\"middle\">{x:N0}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(xMax / 2):F1}\" y=\"{Y(0) + 32}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({offset + 14},{Top + PlotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(panel.YLabel)}</text>\n");

        foreach (var series in panel.Series)
        {
            var path = string.Join(' ', series.Points.OrderBy(p => p.X).Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):F1},{Y(p.Y):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"/>\n");
            foreach (var p in series.Points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.X):F1}\" cy=\"{Y(p.Y):F1}\" r=\"3\" fill=\"{series.Color}\"/>\n");
            }
        }
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }

        return 10 * magnitude;
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
