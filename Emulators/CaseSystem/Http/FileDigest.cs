using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// A file's length and SHA-256, taken from base64 text or a JSON byte array as it sits in the request,
/// decoded through small buffers: a 20 MB file is never held a second time, decoded or as a string.
/// </summary>
internal readonly record struct FileDigest(long Length, string Sha256)
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>From a JSON string holding base64 (as <c>Base64Data</c> or <c>Data</c>).</summary>
    public static FileDigest OfBase64(JsonElement value, string field) => OfBase64(JsonMarshal.GetRawUtf8Value(value)[1..^1], field);

    /// <summary>
    /// From base64 as it is written between the quotes, JSON escapes and all: System.Text.Json, for one,
    /// writes <c>+</c> as <c>\u002B</c>.
    /// </summary>
    public static FileDigest OfBase64(ReadOnlySpan<byte> raw, string field)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long length = 0;
            var filled = 0;
            for (var i = 0; i < raw.Length;)
            {
                var b = raw[i++];
                text[filled++] = b == '\\' ? Unescape(raw, ref i, field) : b;
                if (filled == ChunkBytes)
                {
                    filled = Decode(text, filled, bytes, hash, ref length, isFinalBlock: false, field);
                }
            }

            Decode(text, filled, bytes, hash, ref length, isFinalBlock: true, field);
            return new FileDigest(length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>From a JSON array of byte values (how SIF's own example sends <c>FileData</c>).</summary>
    public static FileDigest OfByteArray(JsonElement value, string field)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long length = 0;
            var filled = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out var b))
                {
                    throw new SifBusinessException($"{field} must be base64 text or an array of byte values (0-255).");
                }

                buffer[filled++] = b;
                length++;
                if (filled == ChunkBytes)
                {
                    hash.AppendData(buffer, 0, filled);
                    filled = 0;
                }
            }

            hash.AppendData(buffer, 0, filled);
            return new FileDigest(length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes what the text buffer holds; returns how much is left over (a part of a 4-character block), moved to its start.</summary>
    private static int Decode(byte[] text, int filled, byte[] bytes, IncrementalHash hash, ref long length, bool isFinalBlock, string field)
    {
        var status = Base64.DecodeFromUtf8(text.AsSpan(0, filled), bytes, out var consumed, out var written, isFinalBlock);
        if (status == OperationStatus.InvalidData || (isFinalBlock && status != OperationStatus.Done))
        {
            throw new SifBusinessException($"{field} is not valid base64.");
        }

        hash.AppendData(bytes, 0, written);
        length += written;
        text.AsSpan(consumed, filled - consumed).CopyTo(text);
        return filled - consumed;
    }

    // Base64 is ASCII: an escape that stands for anything else makes the value invalid.
    private static byte Unescape(ReadOnlySpan<byte> raw, ref int i, string field)
    {
        if (i < raw.Length)
        {
            var c = raw[i++];
            switch (c)
            {
                case (byte)'/' or (byte)'\\' or (byte)'"':
                    return c;
                case (byte)'n':
                    return (byte)'\n';
                case (byte)'r':
                    return (byte)'\r';
                case (byte)'t':
                    return (byte)'\t';
                case (byte)'u' when i + 4 <= raw.Length
                    && ushort.TryParse(raw.Slice(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    && code < 0x80:
                    i += 4;
                    return (byte)code;
            }
        }

        throw new SifBusinessException($"{field} is not valid base64.");
    }
}
