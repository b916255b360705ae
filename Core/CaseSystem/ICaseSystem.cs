namespace Integration.Core.CaseSystem;

/// <summary>
/// The city's case system (ärendehanteringssystem), as far as this backend needs it: find a
/// document we registered earlier, register a new one with its file, and read the cases of one
/// type that changed since a given time (the budget assignments). Public 360's SIF API is
/// the first adapter (<see cref="Sif.SifCaseSystem"/>); another vendor is another class behind
/// this port, and a stand-in for its tests.
/// <para>
/// <b>Exactly once.</b> Case systems rarely take an idempotency key on a create, and SIF
/// documents have no external id. So every document we create carries a <b>marker</b> (for
/// meeting notes: the drive item and the content's SHA-256) in a field the adapter can search on,
/// and the caller looks the marker up before each create. A create whose answer was lost, a
/// redelivered message and a rerun then find the document instead of making a second one. The
/// adapter must therefore never repeat a create by itself (no HTTP retry of it): the caller's
/// queue retries, and looks up again first.
/// </para>
/// </summary>
public interface ICaseSystem
{
    /// <summary>The document on <paramref name="caseNumber"/> that carries <paramref name="marker"/>, or null when there is none.</summary>
    /// <exception cref="CaseSystemException">The case system refused or could not answer.</exception>
    Task<CaseDocument?> FindDocumentAsync(string caseNumber, string marker, CancellationToken ct);

    /// <summary>Registers a document with its file on the draft's case. Called once per attempt; never retried inside.</summary>
    /// <exception cref="CaseSystemException">The case system refused or could not answer; the document may exist even so.</exception>
    Task<CaseDocument> CreateDocumentAsync(CaseDocumentDraft draft, CancellationToken ct);

    /// <summary>
    /// The cases of <paramref name="caseType"/>, open and closed alike, changed at or after
    /// <paramref name="changedSince"/> (every one when it is null), a page at a time as the case
    /// system hands them out, at most <paramref name="pageSize"/> a page. Pages are yielded as they
    /// arrive, so memory does not grow with the number of cases.
    /// </summary>
    /// <exception cref="CaseSystemException">The case system refused or could not answer a page; the pages before it were read.</exception>
    IAsyncEnumerable<CasePage> GetCasesAsync(string caseType, DateTimeOffset? changedSince, int pageSize, CancellationToken ct);
}

/// <summary>One page of cases; <see cref="PageIndex"/> counts from 0 up to <see cref="PageCount"/> - 1.</summary>
public sealed record CasePage(IReadOnlyList<CaseRecord> Cases, int PageIndex, int PageCount);

/// <summary>
/// A case as the backend reads it: its number (a diary number, not yet checked), title, status as
/// the case system words it, whether that status closes the case (null when the adapter cannot
/// tell), the responsible board, when it last changed, a link to it, its custom fields by name,
/// and the case as the case system sent it, for the Quarantine table.
/// </summary>
public sealed record CaseRecord(
    string CaseNumber,
    string? Title,
    string? Status,
    bool? Closed,
    string? ResponsibleBoard,
    DateTimeOffset? LastChanged,
    string? Url,
    IReadOnlyDictionary<string, string?> CustomFields,
    string RawJson);

/// <summary>A registered document: the number the case system gave it (its diary number on the case) and its record id.</summary>
public sealed record CaseDocument(string DocumentNumber, string? RecordId);

/// <summary>
/// A document to register (upprätta och registrera en handling). The fields are the ones OSL 5 kap.
/// 2 § asks a registration to show: the date (the case system stamps the registration date), the
/// case's diary number, a sender or receiver where there is one, and a short description of the
/// content (<see cref="Title"/>, <see cref="Description"/>).
/// </summary>
/// <param name="Marker">Our idempotency marker; stored on the document so <see cref="ICaseSystem.FindDocumentAsync"/> finds it.</param>
/// <param name="OpenFile">Opens the file's bytes as a stream; read once, in order, never held whole.</param>
public sealed record CaseDocumentDraft(
    string CaseNumber,
    string Title,
    string? Description,
    DateOnly DocumentDate,
    string Marker,
    string FileTitle,
    string FileFormat,
    long FileLength,
    Func<CancellationToken, Task<Stream>> OpenFile)
{
    /// <summary>Document category code (e.g. <c>N</c> for upprättad); the case system's default when null.</summary>
    public string? Category { get; init; }

    /// <summary>Document status code (e.g. <c>J</c> for journalförd); the case system's default when null.</summary>
    public string? Status { get; init; }

    /// <summary>Access code (e.g. <c>O</c> for offentlig); the case system's default when null.</summary>
    public string? AccessCode { get; init; }
}
