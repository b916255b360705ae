using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Integration.Core.Reports;

/// <summary>
/// A4 pages written top to bottom: a cursor, a new page when the next block does not fit, text
/// wrapped and clipped by measuring it with the embedded font, and tables whose header repeats
/// on a new page.
/// </summary>
internal sealed class PdfPages(PdfDocument document) : IDisposable
{
    public const double Margin = 50;
    public const double FooterHeight = 30;

    // Before the fonts below: PDFsharp resolves a font when it is made.
    private static readonly bool FontsRegistered = RegisterFonts();

    public static readonly XFont Body = new(ReportFonts.Family, 9.5);
    public static readonly XFont BodyBold = new(ReportFonts.Family, 9.5, XFontStyleEx.Bold);
    public static readonly XFont Small = new(ReportFonts.Family, 7.5);
    public static readonly XFont Heading = new(ReportFonts.Family, 13, XFontStyleEx.Bold);
    public static readonly XFont SubHeading = new(ReportFonts.Family, 10.5, XFontStyleEx.Bold);
    public static readonly XFont TitleFont = new(ReportFonts.Family, 17, XFontStyleEx.Bold);

    private static bool RegisterFonts()
    {
        ReportFonts.EnsureRegistered();
        return true;
    }

    private XGraphics? _gfx;

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page yet.");

    public double Y { get; set; }

    public double Left { get; } = Margin;

    public double Width { get; private set; }

    private double Bottom { get; set; }

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        Width = page.Width.Point - 2 * Margin;
        Bottom = page.Height.Point - Margin - FooterHeight;
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Ensure(double height)
    {
        if (_gfx is null || Y + height > Bottom) NewPage();
    }

    public double LineHeight(XFont font) => font.Size * LineSpacing;

    public double LineSpacing { get; init; } = 1.35;

    /// <summary>Writes wrapped text at the cursor and moves it down.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null, double after = 4)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Ensure(LineHeight(font));
            Gfx.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Left + indent, Y, Width - indent, LineHeight(font)), XStringFormats.TopLeft);
            Y += LineHeight(font);
        }

        Y += after;
    }

    public void Section(string title)
    {
        Ensure(LineHeight(Heading) + 40);
        Y += 8;
        Gfx.DrawString(title, Heading, XBrushes.Black, new XRect(Left, Y, Width, LineHeight(Heading)), XStringFormats.TopLeft);
        Y += LineHeight(Heading);
        Gfx.DrawLine(new XPen(XColors.Black, 0.6), Left, Y, Left + Width, Y);
        Y += 6;
    }

    /// <summary>A table: column widths as fractions of the width; the header repeats on each new page.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows)
    {
        var height = LineHeight(Body) + 2;
        Ensure(height * 2);
        Header();
        var shade = false;
        foreach (var row in rows)
        {
            if (Y + height > Bottom)
            {
                NewPage();
                Header();
            }

            if (shade) Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(242, 242, 242)), Left, Y, Width, height);
            shade = !shade;
            Cells(row, Body);
        }

        Y += 6;

        void Header()
        {
            Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(220, 220, 220)), Left, Y, Width, height);
            Cells(headers, BodyBold);
        }

        void Cells(IReadOnlyList<string> cells, XFont font)
        {
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                var w = widths[i] * Width;
                Gfx.DrawString(Clip(cells[i], font, w - 6), font, XBrushes.Black, new XRect(x + 3, Y + 1, w - 6, height), XStringFormats.TopLeft);
                x += w;
            }

            Y += height;
        }
    }

    /// <summary>The text cut to fit <paramref name="width"/>, with an ellipsis where it was cut.</summary>
    public string Clip(string text, XFont font, double width)
    {
        if (Gfx.MeasureString(text, font).Width <= width) return text;
        var length = text.Length;
        while (length > 0 && Gfx.MeasureString(string.Concat(text.AsSpan(0, length), "…"), font).Width > width) length--;
        return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }

    /// <summary>Lines of at most <paramref name="width"/> points, broken between words (a word too long alone is clipped).</summary>
    public IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Gfx.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return Clip(line, font, width);
        }
    }

    public void Dispose() => _gfx?.Dispose();
}
