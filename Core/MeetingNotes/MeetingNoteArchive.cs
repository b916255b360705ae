using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Keeps every version of the meeting notes unaltered, as public records must be: a blob named
/// by the lowercase hex of its SHA-256, written only if no blob has that name. A SharePoint file
/// name never becomes a path, nothing is overwritten, and nothing here deletes. In Azure the
/// container also has a time-based immutability (WORM) policy (infra/modules/storage.bicep).
/// </summary>
public sealed class MeetingNoteArchive(SharePointDrives drives, IntegrationStorage storage, IOptions<MeetingNotesOptions> options)
{
    public const string Container = ContainerNames.MeetingNotes;

    /// <summary>
    /// Streams the file from SharePoint into a temporary file while hashing it (a note is never
    /// held in memory whole), checks that its bytes are what its name claims, and archives it.
    /// The download stops at the size the delta gave (never past <c>MeetingNotes__MaxFileBytes</c>),
    /// and what arrived must have that size and <c>quickXorHash</c>: other bytes (a file replaced
    /// since the delta was read, an upload still under way) are not archived under this version.
    /// </summary>
    /// <returns>
    /// The note with its SHA-256 and blob; why its content was refused; or, deferred, why the
    /// download was not the version the delta described.
    /// </returns>
    public async Task<SourceMapping<MeetingNote>> ArchiveAsync(MeetingNote note, CancellationToken ct)
    {
        var limit = Math.Min(note.Size, options.Value.MaxFileBytes);
        var path = Path.GetTempFileName();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var quickXor = new ContentHash();
            long length = 0;
            await using (var content = await drives.OpenContentAsync(note.DriveId, note.ItemId, ct))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > limit) return SourceMapping.Deferred<MeetingNote>($"The download ran past {limit:N0} bytes, the size SharePoint gave; it was stopped there.");
                    sha.AppendData(buffer, 0, read);
                    quickXor.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (length != note.Size || quickXor.ToBase64() != note.QuickXorHash)
            {
                return SourceMapping.Deferred<MeetingNote>($"The download ({length:N0} bytes) is not the version SharePoint described ({note.Size:N0} bytes, quickXorHash {note.QuickXorHash}).");
            }

            if (ContentCheck.Check(Path.GetExtension(note.FileName), file) is { } refused)
            {
                return SourceMapping.Rejected<MeetingNote>(MeetingNoteTexts.ContentRefused(refused, Path.GetExtension(note.FileName)));
            }

            var sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
            var container = await storage.ContainerAsync(Container, ct);
            file.Position = 0;
            try
            {
                await container.GetBlobClient(sha256).UploadAsync(file, new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = note.ContentType ?? "application/octet-stream" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // The same bytes are archived already (another note, or an earlier run): content-addressed, so nothing to do.
            }

            return SourceMapping.Valid(note with { Sha256 = sha256, ArchiveBlob = $"{Container}/{sha256}" });
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Opens an archived version for reading, as a stream that fetches it in ranges.</summary>
    public async Task<Stream> OpenAsync(string sha256, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Container, ct);
        return await container.GetBlobClient(sha256).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
    }
}
