using System.Globalization;
using Integration.Core.Privacy;
using Integration.Core.Sync.Problems;

namespace Integration.Core.MeetingNotes;

/// <summary>The meeting notes' Swedish texts: what the night writes on a file it does not archive, and how to fix it.</summary>
public static class MeetingNoteTexts
{
    public static ItemProblem TypeNotTaken(string extension, IReadOnlyList<string> allowed) =>
        new($"Files of type {PersonalData.Quote(extension)} are not taken; MeetingNotes__AllowedExtensions allows {string.Join(", ", allowed)}.",
            $"Filer av typen {NetworkText.Quote(extension)} tas inte in som minnesanteckningar. Spara anteckningarna som {string.Join(", ", allowed)} och ladda upp dem igen.");

    public static ItemProblem NoSizeOrHash() =>
        new("SharePoint gave no size or hash for the file.", "SharePoint har ingen storlek för filen än. Ladda upp den igen om det här står kvar i morgon.");

    public static ItemProblem TooLarge(long size, long max) =>
        new($"The file is {size:N0} bytes; MeetingNotes__MaxFileBytes allows {max:N0}.",
            $"Filen är {Megabytes(size)} MB; högst {Megabytes(max)} MB tas in. Minska filen, till exempel genom att spara bilderna med lägre upplösning.");

    public static ItemProblem MeetingDateMissing(string field) =>
        new($"Meeting date (column {field}) is missing.", "Mötesdatum saknas. Fyll i kolumnen Mötesdatum.");

    public static ItemProblem MeetingDateNotADate(string raw) =>
        new($"Meeting date {PersonalData.Quote(raw)} is not a date in ISO 8601 form or as SharePoint writes it.",
            $"Mötesdatumet {NetworkText.Quote(raw)} är inte ett datum. Välj datumet i kolumnen Mötesdatum.");

    /// <summary>The content check's English reason, with the Swedish the network needs: the file is not what its name says.</summary>
    public static ItemProblem ContentRefused(string reason, string extension) =>
        new(reason, $"Filens innehåll är inte en riktig {extension.TrimStart('.').ToLowerInvariant()}-fil, eller så är den skadad. Öppna den, spara den på nytt och ladda upp den igen.");

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("sv-SE"));
}
