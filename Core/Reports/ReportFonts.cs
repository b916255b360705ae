using System.Reflection;
using PdfSharp.Fonts;

namespace Integration.Core.Reports;

/// <summary>
/// Serves Liberation Sans (SIL Open Font License 1.1, <c>Core/Reports/Fonts/</c> with its licence)
/// from the assembly to PDFsharp, which has no font of its own off Windows. The report embeds the
/// glyphs it uses, so å, ä and ö print the same on every machine.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Sets the resolver once per process; PDFsharp allows one and refuses a change after first use.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is ReportFonts) return;
            GlobalFontSettings.FontResolver = new ReportFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Integration.Core.Reports.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
