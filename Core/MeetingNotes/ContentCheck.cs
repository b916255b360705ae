using System.IO.Compression;
using System.Text;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Whether a file's bytes are what its extension claims, from its first bytes and, for the
/// zip-based formats, its parts: a .pdf starts with <c>%PDF-</c>; a .docx is a zip with
/// <c>[Content_Types].xml</c> and <c>word/document.xml</c>; an .odt is a zip whose <c>mimetype</c>
/// names an OpenDocument text. A renamed program or a truncated upload is refused, not archived.
/// A package is a hostile input like any other: the check reads a bounded table of contents and a
/// few dozen bytes of one part, so a small file that inflates to gigabytes costs it nothing.
/// </summary>
public static class ContentCheck
{
    /// <summary>Far more parts than a Word or OpenDocument text has; a package with more is refused unopened.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The table of contents a check reads at most (the zip reader holds all of it in memory).</summary>
    public const int MaxDirectoryBytes = 1024 * 1024;

    private const string OpenDocumentText = "application/vnd.oasis.opendocument.text";

    /// <summary>The <c>mimetype</c> part is the type's name, perhaps with a line end; more is not an OpenDocument text.</summary>
    private const int MaxMimetypeBytes = 64;

    /// <returns>Null when the file is what it claims; otherwise why not.</returns>
    public static string? Check(string extension, Stream content)
    {
        Span<byte> head = stackalloc byte[5];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        switch (extension.ToLowerInvariant())
        {
            case ".pdf":
                return read == 5 && head.SequenceEqual("%PDF-"u8) ? null : "The file is called .pdf but does not start as a PDF does (%PDF-).";
            case ".docx":
                return Zip(content, head[..read], archive =>
                    archive.GetEntry("[Content_Types].xml") is not null && archive.GetEntry("word/document.xml") is not null
                        ? null
                        : "The file is called .docx but is not a Word document (no word/document.xml).");
            case ".odt":
                return Zip(content, head[..read], archive =>
                {
                    var mimetype = archive.GetEntry("mimetype");
                    if (mimetype is null) return "The file is called .odt but is not an OpenDocument text (no mimetype).";
                    return ReadShort(mimetype, MaxMimetypeBytes)?.Trim() == OpenDocumentText
                        ? null
                        : "The file is called .odt but is not an OpenDocument text (its mimetype says otherwise).";
                });
            default:
                return null;
        }
    }

    private static string? Zip(Stream content, ReadOnlySpan<byte> head, Func<ZipArchive, string?> check)
    {
        if (head.Length < 4 || !head[..4].SequenceEqual("PK\u0003\u0004"u8)) return "The file's bytes are not a zip package, as its extension says they should be.";
        try
        {
            if (DirectoryRefusal(content) is { } refused) return refused;
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return check(archive);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the zip reader makes of a hostile package is a reason, never a failed night.
            return $"The file's zip package cannot be read: {ex.Message}";
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string? DirectoryRefusal(Stream content) =>
        ZipDirectory.Read(content) switch
        {
            null => "The file's zip package cannot be read: it has no end of central directory.",
            { Entries: > MaxEntries } size => $"The file's zip package declares {size.Entries:N0} entries; more than {MaxEntries:N0} entries are refused unread.",
            { Bytes: > MaxDirectoryBytes } size => $"The file's zip package has a table of contents of {size.Bytes:N0} bytes; more than {MaxDirectoryBytes:N0} are refused unread.",
            _ => null,
        };

    /// <returns>The part's text when it is at most <paramref name="max"/> bytes; null when it is longer.</returns>
    private static string? ReadShort(ZipArchiveEntry entry, int max)
    {
        using var part = entry.Open();
        var buffer = new byte[max + 1];
        var read = part.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > max ? null : Encoding.ASCII.GetString(buffer, 0, read);
    }
}
