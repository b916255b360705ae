using System.IO.Compression;
using System.Text;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Whether a file's bytes are what its extension claims, from its first bytes and, for the
/// zip-based formats, its parts: a .pdf starts with <c>%PDF-</c>; a .docx is a zip with
/// <c>[Content_Types].xml</c> and <c>word/document.xml</c>; an .odt is a zip whose <c>mimetype</c>
/// names an OpenDocument text. A renamed program or a truncated upload is refused, not archived.
/// </summary>
public static class ContentCheck
{
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
                    using var mimetype = archive.GetEntry("mimetype")?.Open();
                    if (mimetype is null) return "The file is called .odt but is not an OpenDocument text (no mimetype).";
                    using var reader = new StreamReader(mimetype, Encoding.ASCII);
                    return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text"
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
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return check(archive);
        }
        catch (InvalidDataException ex)
        {
            return $"The file's zip package cannot be read: {ex.Message}";
        }
        finally
        {
            content.Position = 0;
        }
    }
}
