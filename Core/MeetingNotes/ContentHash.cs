using System.Buffers.Binary;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// SharePoint's <c>quickXorHash</c> of a file, computed as the download streams, so the bytes can be
/// compared with what the delta said of them. The 160-bit register is three 64-bit cells (the last
/// holds 32 bits); byte n lands at bit 11n mod 160, so bytes 160 apart land on the same bit and are
/// folded together first; the length is XORed into the last eight bytes at the end. Not a
/// cryptographic hash: the archive names content by SHA-256.
/// </summary>
internal sealed class ContentHash
{
    private const int RegisterBits = 160;
    private const int Step = 11;
    private const int LastCellBits = 32;

    private readonly ulong[] _cells = new ulong[3];
    private long _length;

    /// <summary>Where the next byte lands, in bits from the start of the register.</summary>
    private int _bit;

    public void Append(ReadOnlySpan<byte> data)
    {
        var cell = _bit / 64;
        var offset = _bit % 64;
        for (var i = 0; i < Math.Min(data.Length, RegisterBits); i++)
        {
            byte folded = 0;
            for (var j = i; j < data.Length; j += RegisterBits) folded ^= data[j];

            var isLast = cell == _cells.Length - 1;
            var cellBits = isLast ? LastCellBits : 64;
            _cells[cell] ^= (ulong)folded << offset;
            if (offset > cellBits - 8) _cells[isLast ? 0 : cell + 1] ^= (ulong)folded >> (cellBits - offset);

            offset += Step;
            if (offset >= cellBits)
            {
                offset -= cellBits;
                cell = isLast ? 0 : cell + 1;
            }
        }

        _bit = (int)((_bit + (long)Step * (data.Length % RegisterBits)) % RegisterBits);
        _length += data.Length;
    }

    /// <summary>The hash as Graph gives it in <c>file.hashes.quickXorHash</c>: base64 of its 20 bytes.</summary>
    public string ToBase64()
    {
        Span<byte> hash = stackalloc byte[RegisterBits / 8];
        BinaryPrimitives.WriteUInt64LittleEndian(hash, _cells[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(hash[8..], _cells[1]);
        BinaryPrimitives.WriteUInt32LittleEndian(hash[16..], (uint)_cells[2]);
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(length, _length);
        for (var i = 0; i < length.Length; i++) hash[hash.Length - length.Length + i] ^= length[i];
        return Convert.ToBase64String(hash);
    }
}
