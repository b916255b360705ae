using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Integration.Emulators.Graph;

/// <summary>
/// The QuickXorHash OneDrive and SharePoint give for files (<c>file.hashes.quickXorHash</c>), as Microsoft
/// documents it: byte i is XORed into a 160-bit circular register at bit (11 × i) mod 160, then the 64-bit
/// little-endian length is XORed into the last eight bytes. Not a cryptographic hash; SharePoint gives no other.
/// </summary>
public sealed class QuickXorHash : HashAlgorithm
{
    private const int WidthInBytes = 20;
    private const int WidthInBits = WidthInBytes * 8;
    private const int Shift = 11;

    private readonly byte[] register = new byte[WidthInBytes];
    private long length;

    public QuickXorHash() => HashSizeValue = WidthInBits;

    /// <summary>The hash as Graph writes it: base64 of the 20 bytes.</summary>
    public static string Base64Of(ReadOnlySpan<byte> content)
    {
        using var hash = new QuickXorHash();
        return Convert.ToBase64String(hash.ComputeHash(content.ToArray()));
    }

    public override void Initialize()
    {
        Array.Clear(register);
        length = 0;
    }

    protected override void HashCore(byte[] array, int ibStart, int cbSize) => HashCore(array.AsSpan(ibStart, cbSize));

    protected override void HashCore(ReadOnlySpan<byte> source)
    {
        // The bit a byte lands on repeats every 160 bytes, so only the position within that cycle matters.
        var cycle = (int)(length % WidthInBits);
        foreach (var value in source)
        {
            var bit = cycle * Shift % WidthInBits;
            var index = bit / 8;
            var offset = bit % 8;
            register[index] ^= (byte)(value << offset);
            if (offset != 0)
            {
                // The rest spills into the next byte, wrapping from the last byte to the first.
                register[(index + 1) % WidthInBytes] ^= (byte)(value >> (8 - offset));
            }

            cycle = cycle == WidthInBits - 1 ? 0 : cycle + 1;
        }

        length += source.Length;
    }

    protected override byte[] HashFinal()
    {
        var result = (byte[])register.Clone();
        Span<byte> lengthBytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(lengthBytes, length);
        for (var i = 0; i < lengthBytes.Length; i++)
        {
            result[WidthInBytes - lengthBytes.Length + i] ^= lengthBytes[i];
        }

        return result;
    }
}
