using System.Buffers.Binary;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// The size of a zip package's table of contents (its central directory), read from the records at
/// its end before <see cref="System.IO.Compression.ZipArchive"/> reads the whole directory into memory:
/// the end-of-central-directory record, and the zip64 one where the first says its counts overflow.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndBytes = 22;
    private const int Zip64LocatorBytes = 20;
    private const int Zip64EndBytes = 56;

    /// <param name="Entries">The entries the package declares.</param>
    /// <param name="Bytes">
    /// The bytes the directory may take: the larger of what it declares and the space between where
    /// it says it starts and the end records, since a reader goes on while it finds entries there.
    /// </param>
    public readonly record struct Size(ulong Entries, ulong Bytes);

    /// <returns>The directory's size, or null when the package has no end record.</returns>
    public static Size? Read(Stream content)
    {
        // The end record closes the package, followed only by its comment (at most 65,535 bytes).
        var tail = new byte[(int)Math.Min(content.Length, EndBytes + ushort.MaxValue)];
        var tailStart = content.Length - tail.Length;
        content.Position = tailStart;
        content.ReadExactly(tail);
        var at = LastEndRecord(tail);
        if (at < 0) return null;

        var end = tail.AsSpan(at);
        ulong entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        ulong bytes = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
        ulong start = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        var recordsAt = (ulong)(tailStart + at);
        if (entries == ushort.MaxValue || bytes == uint.MaxValue || start == uint.MaxValue)
        {
            if (Zip64(content, tailStart + at) is { } zip64) (entries, bytes, start, recordsAt) = zip64;
        }

        return new Size(entries, Math.Max(bytes, recordsAt > start ? recordsAt - start : 0));
    }

    private static int LastEndRecord(ReadOnlySpan<byte> tail)
    {
        for (var at = tail.Length - EndBytes; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail[at..]) == EndSignature) return at;
        }

        return -1;
    }

    private static (ulong Entries, ulong Bytes, ulong Start, ulong At)? Zip64(Stream content, long endAt)
    {
        if (endAt < Zip64LocatorBytes + Zip64EndBytes) return null;
        Span<byte> locator = stackalloc byte[Zip64LocatorBytes];
        content.Position = endAt - Zip64LocatorBytes;
        content.ReadExactly(locator);
        var recordAt = BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature || recordAt > (ulong)(endAt - Zip64LocatorBytes - Zip64EndBytes)) return null;

        Span<byte> record = stackalloc byte[Zip64EndBytes];
        content.Position = (long)recordAt;
        content.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature) return null;
        return (BinaryPrimitives.ReadUInt64LittleEndian(record[32..]), BinaryPrimitives.ReadUInt64LittleEndian(record[40..]),
            BinaryPrimitives.ReadUInt64LittleEndian(record[48..]), recordAt);
    }
}
