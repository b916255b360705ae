using System.IO.Compression;
using System.Text;
using Integration.Core.MeetingNotes;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// The content check against packages built to hurt it: a zip bomb, a table of contents too large
/// to read, and a package the zip reader cannot take. Each is refused with a reason, in bounded memory.
/// </summary>
public class ContentCheckTests
{
    private const long Gigabyte = 1L << 30;

    private static readonly string[] WordParts = ["[Content_Types].xml", "word/document.xml"];

    [Fact]
    public void AnOdtWhoseMimetypeInflatesToAGigabyteIsRefusedInBoundedMemory()
    {
        using var bomb = OdtBomb(Gigabyte);
        Assert.InRange(bomb.Length, 1, 4 * 1024 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = ContentCheck.Check(".odt", bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("its mimetype says otherwise", refused, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 16 * 1024 * 1024);
    }

    [Fact]
    public void APackageWithMoreEntriesThanAnyDocumentHasIsRefusedUnopened()
    {
        var names = WordParts
            .Concat(Enumerable.Range(0, ContentCheck.MaxEntries).Select(i => $"word/media/{i}.bin"));
        using var package = new MemoryStream(Zip(names));

        var refused = ContentCheck.Check(".docx", package);

        Assert.Contains($"more than {ContentCheck.MaxEntries:N0} entries", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void ACentralDirectoryLargerThanTheLimitIsRefusedUnopened()
    {
        // Few entries, each with a long comment: the directory is large while the count is small.
        var comment = new string('x', 60_000);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in WordParts.Concat(Enumerable.Range(0, 20).Select(i => $"{i}.xml")))
            {
                zip.CreateEntry(name).Comment = comment;
            }
        }

        var refused = ContentCheck.Check(".docx", buffer);

        Assert.Contains("table of contents", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyFailureOfTheZipReaderIsAReasonNotAnException()
    {
        var odt = NoteFiles.Odt("anteckningar");
        // The mimetype entry's compression method, in its local header (offset 8) and its directory
        // entry (offset 10), says LZMA (14), which the zip reader cannot read.
        odt[8] = 14;
        odt[odt.AsSpan().IndexOf("PK\u0001\u0002"u8) + 10] = 14;

        var refused = ContentCheck.Check(".odt", new MemoryStream(odt));

        Assert.StartsWith("The file's zip package cannot be read", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void RealDocumentsStillPass()
    {
        Assert.Null(ContentCheck.Check(".odt", new MemoryStream(NoteFiles.Odt("anteckningar"))));
        Assert.Null(ContentCheck.Check(".docx", new MemoryStream(NoteFiles.Docx("anteckningar"))));
        Assert.Null(ContentCheck.Check(".pdf", new MemoryStream(NoteFiles.Pdf("anteckningar"))));
    }

    /// <summary>
    /// An .odt whose <c>mimetype</c> entry is <paramref name="length"/> bytes of one letter, deflated
    /// (about 1000:1), written a megabyte at a time to a temporary file that goes when the stream is closed.
    /// </summary>
    private static FileStream OdtBomb(long length)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("mimetype", CompressionLevel.Optimal).Open();
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)'a');
            for (long written = 0; written < length; written += chunk.Length) entry.Write(chunk);
        }

        file.Position = 0;
        return file;
    }

    private static byte[] Zip(IEnumerable<string> names)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open(), new UTF8Encoding(false));
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
