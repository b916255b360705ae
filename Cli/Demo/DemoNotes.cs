using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Integration.Core.MeetingNotes;
using Integration.Core.SharePoint;
using Integration.Emulators.Graph;

namespace Integration.Cli.Demo;

/// <summary>
/// The network's meeting notes as a demo library: a Word document (made with the Open XML SDK)
/// and a PDF with Swedish text, and one file that only pretends to be a Word document, which the
/// content check sends to quarantine. Meeting dates are set relative to today.
/// </summary>
internal static class DemoNotes
{
    public const string LibraryName = "Mötesanteckningar";

    /// <summary>The network's case in the case system, on which each note is registered.</summary>
    public const string NetworkCase = "AMN 2021-0112-1.4";

    public static void Seed(SharePointSite site, DateOnly today, TimeZoneInfo timeZone)
    {
        // The library as provision makes it: the columns the night reads and the two it writes.
        var library = site.AddDocumentLibrary(LibraryName)
            .DefineColumn(MeetingNoteColumns.MeetingDate, "Mötesdatum", ColumnType.DateOnly)
            .DefineColumn(MeetingNoteColumns.GroupDefault, "Grupp")
            .DefineColumn(MeetingNoteColumns.CaseDocumentNumber, "Dokumentnummer i diariet")
            .DefineColumn(DataProblemColumn.Name, DataProblemColumn.DisplayName, ColumnType.MultilineText);
        Dictionary<string, object?> Columns(int daysAgo, string group) => new()
        {
            ["MeetingDate"] = SharePointDates.ToSharePointValue(today.AddDays(-daysAgo), timeZone),
            ["NetworkGroup"] = group,
        };

        library.AddFile("Nätverksmöte – upphandling & sociala företag.docx", Word(
            "Minnesanteckningar, nätverksmöte",
            "Närvarande: Arbetsmarknadsnämnden, Stockholm Business Region AB och Samordningsförbundet Stockholms stad.",
            "1. Lägesrapport: kartläggningen av stadens inköp från arbetsintegrerande sociala företag pågår.",
            "2. Reserverad upphandling: förvaltningarna får stöd i att använda möjligheten i LOU 4 kap. 18 §.",
            "3. Dialog med Arbetsförmedlingen om lönestöd till anställda i sociala företag, nästa möte i januari.",
            "Nästa möte: enligt kallelse."), Columns(21, "Nätverket"));
        library.AddFile("Styrgrupp 50% klart.pdf", Pdf(
            "Minnesanteckningar, styrgruppen",
            "Handlingsplanen för arbetsintegrerande sociala företag är till hälften genomförd.",
            "Beslut: remissversionen skickas till berörda nämnder och styrelser."), Columns(7, "Styrgrupp"));

        // Called .docx, but plain text: the content check refuses it and the run goes on.
        library.AddFile("Arbetsgruppens anteckningar.docx", Encoding.UTF8.GetBytes("Detta är ingen Word-fil, bara text med ett felaktigt filnamn."), Columns(3, "Arbetsgrupp"));
    }

    /// <summary>A real Word document, one paragraph per line, the first in bold.</summary>
    private static byte[] Word(string heading, params string[] lines)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(new Paragraph(new Run(new RunProperties(new Bold()), new Text(heading))));
            foreach (var line in lines) body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    /// <summary>A small, valid one-page PDF: Helvetica in WinAnsi, so å, ä and ö are single Latin-1 bytes.</summary>
    private static byte[] Pdf(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 12 Tf 72 760 Td 16 TL\n");
        foreach (var line in lines) text.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        text.Append("ET");
        var latin1 = Encoding.Latin1;
        var stream = latin1.GetBytes(text.ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{latin1.GetString(stream)}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return latin1.GetBytes(pdf.ToString());
    }
}
