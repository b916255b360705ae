using System.Globalization;

namespace Integration.Emulators.CaseSystem;

/// <summary>One row of a SIF code table. A request names it as <c>recno:60005</c>, by its code, or by its description.</summary>
public sealed record SifCodeRow(int Recno, string Code, string Description, bool IsExpired = false)
{
    /// <summary>The form SIF's own examples use in requests.</summary>
    public string RecnoValue => "recno:" + Recno.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The fixed code tables the stand-in knows, with the names <c>SupportService/GetCodeTableRows</c> takes.</summary>
public static class SifCodeTables
{
    public const string CaseStatus = "code table: Case status";
    public const string CaseType = "code table: Case type";
    public const string DocumentCategory = "code table: Document category";
    public const string DocumentStatus = "code table: Document status";
    public const string AccessCode = "code table: Accesscode";
    public const string Classification = "Noark Classification code";

    public static IReadOnlyDictionary<string, IReadOnlyList<SifCodeRow>> All { get; } =
        new Dictionary<string, IReadOnlyList<SifCodeRow>>(StringComparer.OrdinalIgnoreCase)
        {
            [CaseStatus] =
            [
                new(5, "B", "Under behandling"),
                new(6, "A", "Avslutat"),
                new(7, "V", "Vilande"),
                new(8, "U", "Utgått", IsExpired: true),
            ],
            [CaseType] =
            [
                new(60101, "UPPDRAG", "Budgetuppdrag"),
                new(60102, "ALLM", "Allmänt ärende"),
            ],
            [DocumentCategory] =
            [
                new(60005, "I", "Inkommande"),
                new(60006, "U", "Utgående"),
                new(60007, "N", "Upprättad"),
                new(60008, "X", "Minnesanteckning"),
            ],
            [DocumentStatus] =
            [
                new(1, "J", "Journalförd"),
                new(2, "R", "Reserverad"),
                new(3, "E", "Expedierad"),
            ],
            [AccessCode] =
            [
                new(100, "O", "Offentlig"),
                new(101, "S", "Sekretess"),
            ],
            [Classification] =
            [
                new(60201, "1", "Styra verksamheten"),
                new(60202, "1.4", "Planera och följa upp"),
                new(60203, "2", "Stödja verksamheten"),
            ],
        };

    /// <summary>The row a value names: <c>recno:N</c>, a code or a description, case-insensitive; null when none does.</summary>
    public static SifCodeRow? Find(string table, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !All.TryGetValue(table, out var rows))
        {
            return null;
        }

        value = value.Trim();
        if (value.StartsWith("recno:", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(value.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var recno)
                ? rows.FirstOrDefault(r => r.Recno == recno)
                : null;
        }

        return rows.FirstOrDefault(r => string.Equals(r.Code, value, StringComparison.OrdinalIgnoreCase))
            ?? rows.FirstOrDefault(r => string.Equals(r.Description, value, StringComparison.OrdinalIgnoreCase));
    }
}
