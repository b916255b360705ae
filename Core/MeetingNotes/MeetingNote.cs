namespace Integration.Core.MeetingNotes;

/// <summary>
/// One file of the network's meeting notes (minnesanteckningar) as SharePoint has it now. The
/// content is known by SharePoint's <c>quickXorHash</c>; the SHA-256 and the archive blob are
/// filled when the content is archived.
/// </summary>
public sealed record MeetingNote(
    string ItemId,
    string DriveId,
    string FileName,
    string? ETag,
    string QuickXorHash,
    long Size,
    string? ContentType,
    DateOnly MeetingDate,
    string? Group,
    string? WebUrl,
    string? Sha256 = null,
    string? ArchiveBlob = null);
