using System.Buffers;
using System.Buffers.Binary;

namespace Integration.Emulators.Graph;

/// <summary>
/// A file whose bytes are made as they are read: a PDF header, then pseudo-random filler drawn from the seed and
/// the content version, so the same seed, length and version always give the same bytes and a new version gives
/// new ones. The filler does not compress, like the images and compressed streams of real PDFs. The quickXorHash
/// is computed once, by streaming the bytes, when the content is made; nothing else is kept.
/// </summary>
public sealed class GeneratedContent : FileContent
{
    // SplitMix64's increment: consecutive counters give well-mixed, independent 64-bit blocks.
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private const int HashBufferBytes = 1 << 16;

    private readonly ulong key;

    private GeneratedContent(int seed, long length, int version)
    {
        Seed = seed;
        Length = length;
        Version = version;
        key = Mix(((ulong)(uint)seed << 32) | (uint)version);
        ContentHash = Hash();
    }

    /// <summary>What every generated file starts with; Core's content check looks for <c>%PDF-</c>.</summary>
    public static ReadOnlySpan<byte> PdfHeader => "%PDF-1.7\n"u8;

    public int Seed { get; }

    /// <summary>The content version the bytes are drawn for, from 1.</summary>
    public int Version { get; }

    public override long Length { get; }

    public override string ContentHash { get; }

    /// <summary>A PDF of exactly <paramref name="length"/> bytes (at least the header's).</summary>
    public static GeneratedContent Pdf(int seed, long length, int version = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, PdfHeader.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new GeneratedContent(seed, length, version);
    }

    public override Stream OpenRead() => new GeneratedContentStream(this);

    /// <summary>Writes the bytes at <paramref name="position"/>; the caller keeps the span within <see cref="Length"/>.</summary>
    internal void Fill(long position, Span<byte> destination)
    {
        var header = PdfHeader;
        var written = 0;
        if (position < header.Length)
        {
            var part = header[(int)position..];
            written = Math.Min(part.Length, destination.Length);
            part[..written].CopyTo(destination);
        }

        // From here on the filler, addressed by its own offset: block k holds its bytes 8k to 8k + 7.
        var offset = position + written - header.Length;
        Span<byte> block = stackalloc byte[sizeof(ulong)];
        if (written < destination.Length && (offset & 7) != 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(block, Block(offset >> 3));
            var part = block[(int)(offset & 7)..];
            var count = Math.Min(part.Length, destination.Length - written);
            part[..count].CopyTo(destination[written..]);
            written += count;
            offset += count;
        }

        for (; destination.Length - written >= sizeof(ulong); written += sizeof(ulong), offset += sizeof(ulong))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[written..], Block(offset >> 3));
        }

        if (written < destination.Length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(block, Block(offset >> 3));
            block[..(destination.Length - written)].CopyTo(destination[written..]);
        }
    }

    private ulong Block(long index) => Mix(key + ((ulong)index + 1) * Gamma);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private string Hash()
    {
        using var hash = new QuickXorHash();
        var buffer = ArrayPool<byte>.Shared.Rent(HashBufferBytes);
        try
        {
            for (long position = 0; position < Length;)
            {
                var count = (int)Math.Min(HashBufferBytes, Length - position);
                Fill(position, buffer.AsSpan(0, count));
                hash.TransformBlock(buffer, 0, count, null, 0);
                position += count;
            }

            hash.TransformFinalBlock([], 0, 0);
            return Convert.ToBase64String(hash.Hash!);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
