using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// Keeps long strings (file content in base64) out of the parsed document. A JsonDocument's index is
/// about as large as its text, so a 27 MB body would cost 27 MB more to parse; instead each long string
/// is replaced by a short placeholder in a skeleton of the body, and read later from the body itself.
/// </summary>
internal sealed class LargeStrings
{
    private const int Threshold = 64 * 1024;
    private static readonly byte[] Marker = "\"\\u0000large:"u8.ToArray();

    private readonly ReadOnlyMemory<byte> body;
    private readonly List<Range> values = [];

    private LargeStrings(ReadOnlyMemory<byte> body)
    {
        this.body = body;
    }

    /// <summary>
    /// The body with every long string replaced by a placeholder, and the table to read them
    /// back; null when the body is not JSON that System.Text.Json reads (then it is parsed whole, leniently).
    /// </summary>
    public static (ReadOnlyMemory<byte> Skeleton, LargeStrings Table)? Split(ReadOnlyMemory<byte> body)
    {
        var table = new LargeStrings(body);
        var skeleton = new ArrayBufferWriter<byte>();
        var copied = 0;
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length < Threshold)
                {
                    continue;
                }

                // A string token starts at its opening quote.
                var start = (int)reader.TokenStartIndex;
                var end = start + 1 + reader.ValueSpan.Length;
                skeleton.Write(body.Span[copied..start]);
                skeleton.Write(Marker);
                skeleton.Write(Encoding.ASCII.GetBytes(table.values.Count.ToString(CultureInfo.InvariantCulture) + "\""));
                table.values.Add(new Range(start + 1, end));
                copied = end + 1;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (table.values.Count == 0)
        {
            return (body, table);
        }

        skeleton.Write(body.Span[copied..]);
        return (skeleton.WrittenMemory, table);
    }

    /// <summary>The long string a placeholder stands for, as raw UTF-8 from the body (JSON escapes not undone).</summary>
    public bool TryGet(JsonElement value, out ReadOnlySpan<byte> raw)
    {
        raw = default;
        var text = JsonMarshal.GetRawUtf8Value(value);
        if (!text.StartsWith(Marker)
            || !int.TryParse(text[Marker.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= values.Count)
        {
            return false;
        }

        raw = body.Span[values[index]];
        return true;
    }
}
