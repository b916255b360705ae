namespace Integration.Emulators.CaseSystem;

/// <summary>A case's <c>ExternalId</c>: the id another system gave it, and which system (<c>Type</c>).</summary>
public sealed record SifExternalId(string Id, string? Type);

/// <summary>One entry of a case's <c>ArchiveCodes</c> (its classification).</summary>
public sealed record SifArchiveCode(string ArchiveCode, string? ArchiveType, int Sort);

/// <summary>A case as the stand-in holds it. <see cref="CaseType"/> and <see cref="Status"/> are codes where the code tables know them.</summary>
public sealed record SifCase(
    int Recno,
    string CaseNumber,
    string Title,
    string? CaseType,
    string? Status,
    SifExternalId? ExternalId,
    IReadOnlyDictionary<string, string?> CustomFields,
    DateTimeOffset Created,
    DateTimeOffset LastChanged)
{
    public string? UnofficialTitle { get; init; }

    public string? Notes { get; init; }

    public string? AccessCode { get; init; }

    /// <summary>The board or company responsible for the case (<c>ResponsibleEnterpriseName</c>), e.g. Arbetsmarknadsnämnden.</summary>
    public string? ResponsibleEnterpriseName { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public IReadOnlyList<SifArchiveCode> ArchiveCodes { get; init; } = [];
}

/// <summary>A contact on a document: registered (found by reference number or external id) or unregistered (given by name).</summary>
public sealed record SifContact(string? Role, string? ReferenceNumber, string? ExternalId, string? Name, string? Email, bool Registered);

/// <summary>A file on a document. The bytes are not kept: their length and SHA-256 (lower-case hex) are.</summary>
public sealed record SifFile(int Recno, string Title, string? Format, long Length, string Sha256, string? UploadedFileReference);

/// <summary>A document (handling) as the stand-in holds it. Category, status and access code are codes from the code tables.</summary>
public sealed record SifDocument(
    int Recno,
    string DocumentNumber,
    string CaseNumber,
    string Title,
    DateTimeOffset? DocumentDate,
    string? Category,
    string? Status,
    string? AccessCode,
    IReadOnlyList<SifContact> Contacts,
    IReadOnlyDictionary<string, string?> AdditionalFields,
    IReadOnlyList<SifFile> Files,
    DateTimeOffset Created)
{
    public string? UnofficialTitle { get; init; }

    public DateTimeOffset? JournalDate { get; init; }

    public string? Notes { get; init; }
}

/// <summary>A file sent to <c>FileService/Upload</c>, waiting to be named by a document's <c>UploadedFileReference</c>.</summary>
public sealed record SifUpload(string FileReference, string FileName, string? Format, long Length, string Sha256);
