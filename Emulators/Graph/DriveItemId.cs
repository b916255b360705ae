using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Integration.Emulators.Graph;

/// <summary>
/// Drive item ids shaped like SharePoint's: <c>01</c> and 32 base32 characters (20 bytes). The bytes are a hash
/// of the library and the list item id, then that id masked by the hash, so an id maps back to its list item
/// without a table, and an id of another library or a made-up one is recognised as unknown.
/// </summary>
internal static class DriveItemId
{
    private const string Prefix = "01";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int CheckLength = 16;
    private const int Length = CheckLength + sizeof(int);

    public static string For(Guid listId, int listItemId)
    {
        Span<byte> bytes = stackalloc byte[Length];
        Check(listId, listItemId, bytes[..CheckLength]);
        BinaryPrimitives.WriteInt32BigEndian(bytes[CheckLength..], listItemId ^ Mask(bytes[..CheckLength]));
        return Prefix + ToBase32(bytes);
    }

    public static bool TryParse(string itemId, Guid listId, out int listItemId)
    {
        listItemId = 0;
        Span<byte> bytes = stackalloc byte[Length];
        if (!itemId.StartsWith(Prefix, StringComparison.Ordinal) || !TryFromBase32(itemId.AsSpan(Prefix.Length), bytes))
        {
            return false;
        }

        var candidate = BinaryPrimitives.ReadInt32BigEndian(bytes[CheckLength..]) ^ Mask(bytes[..CheckLength]);
        Span<byte> expected = stackalloc byte[CheckLength];
        Check(listId, candidate, expected);
        if (!expected.SequenceEqual(bytes[..CheckLength]))
        {
            return false;
        }

        listItemId = candidate;
        return true;
    }

    private static void Check(Guid listId, int listItemId, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{listId:N}|{listItemId}"), hash);
        hash[..destination.Length].CopyTo(destination);
    }

    // Without a mask that differs per item, ids of one library would all end in the same characters, which SharePoint's do not.
    private static int Mask(ReadOnlySpan<byte> check)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(check, hash);
        return BinaryPrimitives.ReadInt32BigEndian(hash);
    }

    // 20 bytes are 160 bits: exactly 32 five-bit characters, no padding.
    private static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 8 / 5);
        int buffer = 0, bits = 0;
        foreach (var value in bytes)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        return text.ToString();
    }

    private static bool TryFromBase32(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != destination.Length * 8 / 5)
        {
            return false;
        }

        int buffer = 0, bits = 0, written = 0;
        foreach (var character in text)
        {
            var value = Alphabet.IndexOf(character, StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(buffer >> bits);
            }
        }

        return true;
    }
}
