using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary><c>DocumentService</c>: <c>CreateDocument</c> and <c>GetDocuments</c>.</summary>
internal static class DocumentOperations
{
    private static readonly string[] UnsupportedFilters =
    [
        "ContactReferenceNumber", "ContactExternalId", "DateCriteria", "ContactRecnos", "DocumentArchive",
        "AdditionalListFields", "SubArchive", "ArchiveCode", "RecordType",
    ];

    /// <summary>
    /// Registers a document on the case given by <c>CaseNumber</c> (or <c>CaseExternalId</c>) and answers
    /// <c>Recno</c> and <c>DocumentNumber</c>, the case number and a running number: <c>AMN 2021-0112-1.4:12</c>.
    /// Files come as base64 (<c>Base64Data</c> or <c>Data</c>), a byte array (<c>Data</c>), or an earlier upload
    /// (<c>UploadedFileReference</c>). Everything is checked before anything is stored.
    /// </summary>
    public static void CreateDocument(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        var caseNumber = parameter.String("CaseNumber") is { Length: > 0 } number ? number.Trim() : null;
        var caseExternalId = parameter.ExternalId("CaseExternalId");
        if (caseNumber is null && caseExternalId is null)
        {
            throw new SifBusinessException("CaseNumber or CaseExternalId is required.");
        }

        var title = parameter.Required("Title");
        var category = CaseOperations.Code(parameter, "Category", SifCodeTables.DocumentCategory);
        var status = CaseOperations.Code(parameter, "Status", SifCodeTables.DocumentStatus);
        var access = CaseOperations.Code(parameter, "AccessCode", SifCodeTables.AccessCode);
        var contacts = Contacts(parameter);
        var fields = parameter.NameValues("AdditionalFields");
        // Hashing a large file takes a while; it is done before the archive is locked.
        var files = parameter.Objects("Files").Select(File).ToList();
        var now = context.Now;

        var created = context.Archive.AddDocument(caseNumber, caseExternalId, files, (recno, documentNumber, owner, stored) =>
            new SifDocument(recno, documentNumber, owner.CaseNumber, title, parameter.Date("DocumentDate"), category?.Code, status?.Code, access?.Code, contacts, fields, stored, now)
            {
                UnofficialTitle = parameter.String("UnofficialTitle"),
                JournalDate = parameter.Date("JournalDate"),
                Notes = parameter.String("Notes"),
            });

        answer.WriteNumber("Recno", created.Recno);
        answer.WriteString("DocumentNumber", created.DocumentNumber);
    }

    /// <summary>
    /// Finds documents by <c>Recno</c>, <c>DocumentNumber</c>, <c>CaseNumber</c>, <c>CaseExternalId</c>,
    /// <c>Title</c> (<c>%</c> wildcards), <c>LastDate</c> (created at or after) and <c>AdditionalFields</c>, all
    /// together. The additional fields come back as <c>CustomFields</c> when <c>IncludeCustomFields</c> is true.
    /// </summary>
    public static void GetDocuments(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        SifQuery.RefuseUnsupported(parameter, UnsupportedFilters);
        var recno = parameter.Int("Recno");
        var documentNumber = parameter.String("DocumentNumber")?.Trim();
        var caseNumber = parameter.String("CaseNumber")?.Trim();
        var caseExternalId = parameter.ExternalId("CaseExternalId");
        var title = SifQuery.Title(parameter.String("Title"));
        var since = parameter.Date("LastDate");
        var fields = parameter.NameValues("AdditionalFields");
        var caseNumbers = caseExternalId is null
            ? null
            : context.Archive.Cases
                .Where(c => c.ExternalId?.Id == caseExternalId.Id
                    && (caseExternalId.Type is null || string.Equals(c.ExternalId.Type, caseExternalId.Type, StringComparison.OrdinalIgnoreCase)))
                .Select(c => c.CaseNumber)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var matches = context.Archive.Documents.Where(d =>
                (recno is not > 0 || d.Recno == recno)
                && (string.IsNullOrEmpty(documentNumber) || string.Equals(d.DocumentNumber, documentNumber, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(caseNumber) || string.Equals(d.CaseNumber, caseNumber, StringComparison.OrdinalIgnoreCase))
                && (caseNumbers is null || caseNumbers.Contains(d.CaseNumber))
                && title(d.Title)
                && (since is null || d.Created >= since)
                && SifQuery.HasFields(d.AdditionalFields, fields))
            .ToList();
        var page = SifQuery.Paginate(matches, d => d.Recno, parameter, "MaxReturnedDocuments", "SortingCriterion", context.Options.DefaultPageSize);

        var includeCustomFields = parameter.Bool("IncludeCustomFields");
        answer.WriteStartArray("Documents");
        foreach (var document in page.Items)
        {
            SifJson.Document(answer, document, context, includeCustomFields);
        }

        answer.WriteEndArray();
        SifQuery.WritePaging(answer, page);
    }

    private static List<SifContact> Contacts(SifParameter parameter)
    {
        var registered = parameter.Objects("Contacts").Select(c =>
            new SifContact(c.String("Role"), c.String("ReferenceNumber"), c.String("ExternalId"), null, null, Registered: true));
        var unregistered = parameter.Objects("UnregisteredContacts").Select(c =>
            new SifContact(c.String("Role"), c.String("ReferenceNumber"), null, c.String("ContactName") ?? c.String("ContactCompanyName"), c.String("Email"), Registered: false));
        return [.. registered, .. unregistered];
    }

    private static FileDraft File(SifParameter file)
    {
        var title = file.String("Title") is { Length: > 0 } given ? given : "Fil";
        var format = file.String("Format");
        if (file.String("UploadedFileReference") is { Length: > 0 } reference)
        {
            return new FileDraft(title, format, 0, "", reference);
        }

        var digest = file.Content("Base64Data") ?? file.Content("Data")
            ?? throw new SifBusinessException($"File '{title}' has neither Base64Data, Data nor UploadedFileReference.");
        return new FileDraft(title, format, digest.Length, digest.Sha256, null);
    }
}
