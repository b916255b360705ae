using System.Text.Json;
using System.Text.RegularExpressions;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary><c>CaseService</c>: <c>CreateCase</c> and <c>GetCases</c>.</summary>
internal static partial class CaseOperations
{
    private static readonly string[] UnsupportedFilters =
    [
        "ContactReferenceNumber", "ArchiveCode", "ProjectNumber", "CategoryCode", "ContactExternalId", "DateCriteria",
        "ContactRecnos", "SubArchive", "UnofficialTitle", "AdditionalListFields", "ProgressPlanId", "ArchiveCodes",
    ];

    /// <summary>
    /// Creates a case numbered <c>{prefix} {year}-{serial}</c>, followed by <c>-{classification}</c> when an
    /// <c>ArchiveCodes</c> entry holds a dotted number such as <c>1.4</c>. Status defaults to "Under behandling".
    /// </summary>
    public static void CreateCase(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        var title = parameter.Required("Title");
        var type = Code(parameter, "CaseType", SifCodeTables.CaseType);
        var status = Code(parameter, "Status", SifCodeTables.CaseStatus) ?? SifCodeTables.Find(SifCodeTables.CaseStatus, "B")!;
        var access = Code(parameter, "AccessCode", SifCodeTables.AccessCode);
        var archiveCodes = parameter.Objects("ArchiveCodes")
            .Select(a => new SifArchiveCode(a.Required("ArchiveCode"), a.String("ArchiveType"), a.Int("Sort") ?? 0))
            .OrderBy(a => a.Sort)
            .ToList();
        var classification = archiveCodes.Select(a => a.ArchiveCode.Trim()).FirstOrDefault(ClassificationPattern().IsMatch);
        var fields = parameter.NameValues("AdditionalFields");
        var externalId = parameter.ExternalId("ExternalId");
        var now = context.Now;

        var created = context.Archive.AddCase(null, classification, (recno, number) =>
            new SifCase(recno, number, title, type?.Code, status.Code, externalId, fields, now, now)
            {
                UnofficialTitle = parameter.String("UnofficialTitle"),
                Notes = parameter.String("Notes"),
                AccessCode = access?.Code,
                StartDate = parameter.Date("StartDate"),
                ArchiveCodes = archiveCodes,
            });

        answer.WriteNumber("Recno", created.Recno);
        answer.WriteString("CaseNumber", created.CaseNumber);
    }

    /// <summary>
    /// Finds cases by <c>Recno</c>, <c>CaseNumber</c>, <c>ExternalId</c>, <c>Title</c> (<c>%</c> wildcards),
    /// <c>CaseType</c>, <c>LastDate</c> (changed at or after) and <c>AdditionalFields</c> (custom fields,
    /// <c>ToCaseStatus</c> among them), all of them together. <c>CustomFields</c> come back when
    /// <c>IncludeCustomFields</c> is true; <c>Documents</c> is always empty.
    /// </summary>
    public static void GetCases(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        SifQuery.RefuseUnsupported(parameter, UnsupportedFilters);
        if (parameter.Bool("IncludeDocuments") || parameter.Bool("IncludeFiles"))
        {
            // A case's documents have a shape of their own in SIF's answers; the stand-in leaves them to GetDocuments.
            throw new SifBusinessException("The stand-in does not include documents in cases: use DocumentService/GetDocuments.");
        }

        var recno = parameter.Int("Recno");
        var caseNumber = parameter.String("CaseNumber")?.Trim();
        var externalId = parameter.ExternalId("ExternalId");
        var title = SifQuery.Title(parameter.String("Title"));
        var type = parameter.String("CaseType") is { Length: > 0 } typeValue
            ? SifCodeTables.Find(SifCodeTables.CaseType, typeValue)?.Code ?? typeValue
            : null;
        var since = parameter.Date("LastDate");
        var fields = parameter.NameValues("AdditionalFields");

        var matches = context.Archive.Cases.Where(c =>
                (recno is not > 0 || c.Recno == recno)
                && (string.IsNullOrEmpty(caseNumber) || string.Equals(c.CaseNumber, caseNumber, StringComparison.OrdinalIgnoreCase))
                && (externalId is null || (c.ExternalId?.Id == externalId.Id
                    && (externalId.Type is null || string.Equals(c.ExternalId.Type, externalId.Type, StringComparison.OrdinalIgnoreCase))))
                && title(c.Title)
                && (type is null || string.Equals(c.CaseType, type, StringComparison.OrdinalIgnoreCase))
                && (since is null || c.LastChanged >= since)
                && SifQuery.HasFields(SifJson.CustomFields(c, SifCodeTables.Find(SifCodeTables.CaseStatus, c.Status)), fields))
            .ToList();
        var page = SifQuery.Paginate(matches, c => c.Recno, parameter, "MaxReturnedCases", "SortCriterion", context.Options.DefaultPageSize);

        var includeCustomFields = parameter.Bool("IncludeCustomFields");
        answer.WriteStartArray("Cases");
        foreach (var item in page.Items)
        {
            SifJson.Case(answer, item, context, includeCustomFields);
        }

        answer.WriteEndArray();
        SifQuery.WritePaging(answer, page);
    }

    /// <summary>A code given by <c>recno:N</c>, code or description; an unknown one is refused, a missing one is null.</summary>
    public static SifCodeRow? Code(SifParameter parameter, string field, string table)
    {
        var value = parameter.String(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var row = SifCodeTables.Find(table, value) ?? throw new SifBusinessException($"{field} '{value}' is not in {table}.");
        return row.IsExpired ? throw new SifBusinessException($"{field} '{value}' has expired in {table}.") : row;
    }

    [GeneratedRegex(@"^\d+(\.\d+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassificationPattern();
}
