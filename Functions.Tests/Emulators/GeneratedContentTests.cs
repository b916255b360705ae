using Integration.Core.MeetingNotes;
using Integration.Emulators.Graph;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The bench's generated note content: bytes made on reading, the same each time, hashed as SharePoint would.</summary>
public sealed class GeneratedContentTests
{
    [Fact]
    public void Same_seed_length_and_version_give_the_same_bytes_and_another_seed_or_version_other_bytes()
    {
        var first = Bytes(GeneratedContent.Pdf(seed: 7, length: 10_000));

        Assert.Equal(first, Bytes(GeneratedContent.Pdf(seed: 7, length: 10_000)));
        Assert.Equal(first, Bytes(GeneratedContent.Pdf(seed: 7, length: 10_000)));
        Assert.NotEqual(first, Bytes(GeneratedContent.Pdf(seed: 8, length: 10_000)));
        Assert.NotEqual(first, Bytes(GeneratedContent.Pdf(seed: 7, length: 10_000, version: 2)));
        // A shorter file of the same seed and version is the same bytes, cut.
        Assert.Equal(first[..4_321], Bytes(GeneratedContent.Pdf(seed: 7, length: 4_321)));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(20 * 1024 + 3)]
    [InlineData(200_001)]
    public void The_stream_has_exactly_the_declared_length(long length)
    {
        var content = GeneratedContent.Pdf(seed: 1, length);
        using var stream = content.OpenRead();

        Assert.Equal(length, content.Length);
        Assert.Equal(length, stream.Length);
        Assert.Equal(length, Bytes(content).Length);
        Assert.Equal(0, stream.Read(new byte[16], 0, 0));
    }

    [Theory]
    [InlineData(20 * 1024)]
    [InlineData(333_333)]
    public void The_quick_xor_hash_is_that_of_the_bytes(long length)
    {
        var content = GeneratedContent.Pdf(seed: 42, length, version: 3);

        Assert.Equal(QuickXorHash.Base64Of(Bytes(content)), content.ContentHash);
    }

    [Fact]
    public void Every_file_starts_as_a_pdf_does_and_passes_the_content_check()
    {
        var content = GeneratedContent.Pdf(seed: 5, length: 50_000);
        using var stream = content.OpenRead();

        Assert.Equal("%PDF-1.7\n"u8.ToArray(), Bytes(content)[..9]);
        Assert.Null(ContentCheck.Check(".pdf", stream));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(4_096)]
    public void Reads_of_any_size_and_a_seek_give_the_same_bytes(int blockSize)
    {
        var content = GeneratedContent.Pdf(seed: 11, length: 20_011);
        var whole = Bytes(content);
        using var stream = content.OpenRead();
        var pieces = new MemoryStream();
        var buffer = new byte[blockSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            pieces.Write(buffer, 0, read);
        }

        stream.Seek(5, SeekOrigin.Begin);
        var afterSeek = new byte[19];
        stream.ReadExactly(afterSeek);

        Assert.Equal(whole, pieces.ToArray());
        Assert.Equal(whole[5..24], afterSeek);
    }

    [Fact]
    public void The_filler_does_not_repeat_or_compress()
    {
        var bytes = Bytes(GeneratedContent.Pdf(seed: 3, length: 64 * 1024));
        var filler = bytes[9..];

        // Pseudo-random filler uses every byte value about equally often, so nothing compresses it.
        var counts = new int[256];
        foreach (var value in filler) counts[value]++;
        Assert.InRange(counts.Min(), 150, 256);
        Assert.InRange(counts.Max(), 256, 370);
        Assert.NotEqual(filler[..1024], filler[1024..2048]);
    }

    [Fact]
    public void A_length_shorter_than_the_header_or_a_version_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedContent.Pdf(seed: 1, length: 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedContent.Pdf(seed: 1, length: 100, version: 0));
    }

    private static byte[] Bytes(FileContent content)
    {
        using var stream = content.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
