using System.Globalization;
using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// Writes cases and documents with every property SIF's own answers have (see the vendor's
/// <c>CaseService_GetCasesResponse.json</c> and <c>DocumentService_GetDocumentsResponse.json</c>), in
/// their order and spelling; what the stand-in does not keep is null or an empty list.
/// </summary>
internal static class SifJson
{
    public static void Date(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, Format(date));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static string Format(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Nulls(Utf8JsonWriter writer, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            writer.WriteNull(name);
        }
    }

    public static void EmptyLists(Utf8JsonWriter writer, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            writer.WriteStartArray(name);
            writer.WriteEndArray();
        }
    }

    public static void NameValues(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        writer.WriteStartArray(name);
        foreach (var (key, value) in pairs)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", key);
            writer.WriteString("Value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void ExternalId(Utf8JsonWriter writer, string name, SifExternalId? id)
    {
        if (id is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("Id", id.Id);
        writer.WriteString("Type", id.Type);
        writer.WriteEndObject();
    }

    /// <summary>A code-table reference as <c>{Recno, Code, Description}</c>.</summary>
    public static void Code(Utf8JsonWriter writer, string name, SifCodeRow? row)
    {
        if (row is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("Recno", row.Recno);
        writer.WriteString("Code", row.Code);
        writer.WriteString("Description", row.Description);
        writer.WriteEndObject();
    }

    public static void Case(Utf8JsonWriter writer, SifCase item, SifCallContext context, bool includeCustomFields)
    {
        var status = SifCodeTables.Find(SifCodeTables.CaseStatus, item.Status);
        var type = SifCodeTables.Find(SifCodeTables.CaseType, item.CaseType);
        var access = SifCodeTables.Find(SifCodeTables.AccessCode, item.AccessCode);
        writer.WriteStartObject();
        writer.WriteNumber("Recno", item.Recno);
        writer.WriteString("CaseNumber", item.CaseNumber);
        ExternalId(writer, "ExternalId", item.ExternalId);
        writer.WriteString("Title", item.Title);
        Date(writer, "Date", item.StartDate ?? item.Created);
        writer.WriteString("Status", status?.Description ?? item.Status);
        writer.WriteString("AccessCodeDescription", access?.Description);
        writer.WriteString("AccessCodeCode", access?.Code ?? item.AccessCode);
        Nulls(writer, "AccessGroup", "Paragraph");
        if (item.ResponsibleEnterpriseName is { } enterprise)
        {
            // SIF gives the enterprise as a contact and its name on its own; the stand-in keeps only the name.
            writer.WriteStartObject("ResponsibleEnterprise");
            Nulls(writer, "Email", "Recno", "ExternalId", "Referencenumber");
            writer.WriteString("Name", enterprise);
            writer.WriteNull("Url");
            writer.WriteNumber("Domain", 0);
            writer.WriteEndObject();
            writer.WriteString("ResponsibleEnterpriseName", enterprise);
        }
        else
        {
            Nulls(writer, "ResponsibleEnterprise", "ResponsibleEnterpriseName");
        }

        Nulls(writer, "ResponsiblePerson", "ResponsiblePersonName");
        writer.WriteStartArray("ArchiveCodes");
        foreach (var code in item.ArchiveCodes)
        {
            writer.WriteStartObject();
            writer.WriteString("ArchiveCode", code.ArchiveCode);
            writer.WriteString("ArchiveType", code.ArchiveType);
            writer.WriteNumber("Sort", code.Sort);
            writer.WriteBoolean("IsManualText", false);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        EmptyLists(writer, "Documents", "ReferringCases", "ReferringDocuments");
        writer.WriteString("UnofficialTitle", item.UnofficialTitle);
        Date(writer, "CreatedDate", item.Created);
        writer.WriteString("Notes", item.Notes);
        writer.WriteString("CaseTypeCode", type?.Code ?? item.CaseType);
        writer.WriteString("CaseTypeDescription", type?.Description);
        EmptyLists(writer, "Contacts");
        Nulls(writer, "ProjectRecno", "ProjectName", "SubArchive", "SubArchiveCode");
        EmptyLists(writer, "CaseEstates");
        writer.WriteNull("CaseRowPermissions");
        if (includeCustomFields)
        {
            NameValues(writer, "CustomFields", CustomFields(item, status));
        }
        else
        {
            writer.WriteNull("CustomFields");
        }

        Date(writer, "LastChangedDate", item.LastChanged);
        Nulls(writer, "ProgressPlan", "SubjectSpecificMetaData", "SubjectSpecificMetaDataNamespace");
        writer.WriteString("URL", context.Locator("DMS.Case.Details.Simplified", item.Recno));
        writer.WriteEndObject();
    }

    /// <summary>
    /// A case's custom fields as SIF reports them: the status as <c>ToCaseStatus</c> (the status row's
    /// recno, which is how a caller filters on status) and then the fields the case was given.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> CustomFields(SifCase item, SifCodeRow? status)
    {
        if (status is not null && !item.CustomFields.ContainsKey("ToCaseStatus"))
        {
            yield return new("ToCaseStatus", status.Recno.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var field in item.CustomFields)
        {
            yield return field;
        }
    }

    public static void Document(Utf8JsonWriter writer, SifDocument item, SifCallContext context, bool includeCustomFields)
    {
        var owner = context.Archive.FindCase(item.CaseNumber);
        var status = SifCodeTables.Find(SifCodeTables.DocumentStatus, item.Status);
        var access = SifCodeTables.Find(SifCodeTables.AccessCode, item.AccessCode);
        writer.WriteStartObject();
        writer.WriteNumber("Recno", item.Recno);
        writer.WriteString("DocumentNumber", item.DocumentNumber);
        writer.WriteString("CaseNumber", item.CaseNumber);
        ExternalId(writer, "CaseExternalId", owner?.ExternalId);
        writer.WriteString("Title", item.Title);
        Date(writer, "DocumentDate", item.DocumentDate);
        Date(writer, "JournalDate", item.JournalDate);
        Code(writer, "Category", SifCodeTables.Find(SifCodeTables.DocumentCategory, item.Category));
        writer.WriteNull("Type");
        writer.WriteString("StatusCode", status?.Code);
        writer.WriteString("StatusDescription", status?.Description);
        writer.WriteString("AccessCodeDescription", access?.Description);
        writer.WriteString("AccessCodeCode", access?.Code);
        writer.WriteString("AccessCodeRecno", access?.Recno.ToString(CultureInfo.InvariantCulture));
        Nulls(writer, "Paragraph", "ResponsibleEnterprise", "ResponsibleEnterpriseName", "ResponsiblePerson", "ResponsiblePersonName");
        writer.WriteStartArray("Contacts");
        foreach (var contact in item.Contacts)
        {
            writer.WriteStartObject();
            writer.WriteString("ExternalId", contact.ExternalId);
            writer.WriteString("ReferenceNumber", contact.ReferenceNumber);
            writer.WriteString("Role", contact.Role);
            writer.WriteString("SearchName", contact.Name);
            writer.WriteNull("Address");
            writer.WriteNull("ContactRecno");
            writer.WriteNull("Country");
            writer.WriteString("Email", contact.Email);
            Nulls(writer, "ZipCode", "ZipPlace");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("Files");
        for (var i = 0; i < item.Files.Count; i++)
        {
            File(writer, item.Files[i], main: i == 0, item.Created, context);
        }

        writer.WriteEndArray();
        EmptyLists(writer, "Remarks", "ReferringCases", "ReferringDocuments");
        writer.WriteString("OfficialTitle", item.Title);
        writer.WriteString("CreatedDate", Format(item.Created));
        writer.WriteString("CaseRecno", owner?.Recno.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("LastChangedDate", Format(item.Created));
        if (includeCustomFields)
        {
            NameValues(writer, "CustomFields", item.AdditionalFields);
        }
        else
        {
            writer.WriteNull("CustomFields");
        }

        Nulls(writer, "DocumentRowPermissions", "DocumentArchive", "SubArchive");
        writer.WriteString("URL", context.Locator("DMS.Document.Details.Simplified", item.Recno));
        EmptyLists(writer, "ArchiveCodes");
        Nulls(writer, "RecordType", "AccessGroup");
        writer.WriteEndObject();
    }

    /// <summary>A file's metadata; its bytes are not kept, so <c>Base64Data</c> is always null.</summary>
    public static void File(Utf8JsonWriter writer, SifFile file, bool main, DateTimeOffset changed, SifCallContext context)
    {
        writer.WriteStartObject();
        Nulls(writer, "AccessCodeCode", "AccessCodeDescription", "Base64Data", "CategoryCode", "CategoryDescription", "CheckedOutBy", "DegradeCode", "DegradeDate", "DisposalCode", "DisposalDate");
        writer.WriteBoolean("FiledOnPaper", false);
        writer.WriteString("Format", file.Format);
        Nulls(writer, "ModifiedBy", "Note", "PaperLocation", "Paragraph");
        writer.WriteNumber("Recno", file.Recno);
        writer.WriteString("RelationTypeCode", main ? "H" : "B");
        writer.WriteString("RelationTypeDescription", main ? "Huvuddokument" : "Bilaga");
        writer.WriteNull("SignDate");
        writer.WriteString("StatusCode", "F");
        writer.WriteString("StatusDescription", "Fastställd");
        writer.WriteString("Title", file.Title);
        writer.WriteNull("Type");
        writer.WriteString("URL", context.Locator("DMS.File.Details", file.Recno));
        writer.WriteString("VersionFormatCode", "P");
        writer.WriteString("VersionFormatDescription", "Produktionsformat");
        Date(writer, "LastChangedDate", changed);
        writer.WriteNull("AccessCodeRecno");
        writer.WriteEndObject();
    }
}
