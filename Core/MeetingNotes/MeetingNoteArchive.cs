using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Integration.Core.SharePoint;
using Integration.Core.Storage;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Keeps every version of the meeting notes unaltered, as public records must be: a blob named
/// by the lowercase hex of its SHA-256, written only if no blob has that name. A SharePoint file
/// name never becomes a path, nothing is overwritten, and nothing here deletes. In Azure the
/// container also has a time-based immutability (WORM) policy (infra/modules/storage.bicep).
/// </summary>
public sealed class MeetingNoteArchive(SharePointDrives drives, IntegrationStorage storage)
{
    public const string Container = ContainerNames.MeetingNotes;

    /// <summary>
    /// Streams the file from SharePoint into a temporary file while hashing it (a note is never
    /// held in memory whole), checks that its bytes are what its name claims, and archives it.
    /// </summary>
    /// <returns>The note with its SHA-256 and blob, or why its content was refused.</returns>
    public async Task<(MeetingNote? Archived, string? Refused)> ArchiveAsync(MeetingNote note, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var content = await drives.OpenContentAsync(note.DriveId, note.ItemId, ct))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (ContentCheck.Check(Path.GetExtension(note.FileName), file) is { } refused) return (null, refused);

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

            return (note with { Sha256 = sha256, ArchiveBlob = $"{Container}/{sha256}" }, null);
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
