using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Integration.Emulators.CaseSystem;

/// <summary>
/// Reads JSON the way SIF's server does, which is looser than RFC 8259: unquoted property names
/// (<c>{parameter:{Title:"x"}}</c>), <c>//</c> and <c>/* */</c> comments, trailing commas, single-quoted
/// strings, and integers with a leading zero, which are octal as Json.NET reads them (<c>[0000]</c> is
/// <c>[0]</c>, <c>010</c> is 8). The vendor's own examples are written this way. Strict JSON is parsed
/// directly; anything else is first rewritten to strict JSON.
/// </summary>
public static class LenientJson
{
    /// <summary>What System.Text.Json tolerates by itself: comments and trailing commas.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses UTF-8 text; the bytes are not copied when they are already JSON that System.Text.Json accepts.</summary>
    /// <exception cref="JsonException">The text is not JSON, not even lenient JSON.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException)
        {
            // Not strict: rewritten below, which costs one copy of the text.
        }

        return JsonDocument.Parse(ToStrictJson(Encoding.UTF8.GetString(utf8.Span)), DocumentOptions);
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte})"/>
    public static JsonDocument Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Rewrites lenient JSON as strict JSON: comments and trailing commas dropped, bare property names and
    /// single-quoted strings double-quoted, leading-zero integers read as octal. Text after the first
    /// complete value is kept, so that a parser still rejects it.
    /// </summary>
    /// <exception cref="JsonException">A bare word that is not a property name, a literal or a number; an unterminated string or comment.</exception>
    public static string ToStrictJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length);
        var reader = new Reader(text);
        while (reader.SkipTrivia())
        {
            var c = reader.Current;
            switch (c)
            {
                case '{' or '[' or ':' or ',':
                    output.Append(c);
                    reader.Advance();
                    break;
                case '}' or ']':
                    if (output.Length > 0 && output[^1] == ',')
                    {
                        output.Length--;
                    }

                    output.Append(c);
                    reader.Advance();
                    break;
                case '"':
                    output.Append(reader.ReadDoubleQuoted());
                    break;
                case '\'':
                    output.Append(JsonSerializer.Serialize(reader.ReadSingleQuoted()));
                    break;
                default:
                    output.Append(reader.ReadWord());
                    break;
            }
        }

        return output.ToString();
    }

    private sealed class Reader(string text)
    {
        private int position;

        public char Current => text[position];

        public void Advance() => position++;

        /// <summary>Skips whitespace and comments; false at the end of the text.</summary>
        public bool SkipTrivia()
        {
            while (position < text.Length)
            {
                if (char.IsWhiteSpace(text[position]))
                {
                    position++;
                }
                else if (At("//"))
                {
                    var end = text.IndexOf('\n', position);
                    position = end < 0 ? text.Length : end + 1;
                }
                else if (At("/*"))
                {
                    var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("the comment is not closed");
                    }

                    position = end + 2;
                }
                else
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A double-quoted string, returned exactly as written (escapes and all).</summary>
        public string ReadDoubleQuoted()
        {
            var start = position++;
            while (position < text.Length)
            {
                switch (text[position])
                {
                    case '\\':
                        position += 2;
                        break;
                    case '"':
                        position++;
                        return text[start..position];
                    default:
                        position++;
                        break;
                }
            }

            position = start;
            throw Error("the string is not closed");
        }

        /// <summary>A single-quoted string's value, with the escapes JSON knows plus <c>\'</c>.</summary>
        public string ReadSingleQuoted()
        {
            var start = position++;
            var value = new StringBuilder();
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '\'')
                {
                    return value.ToString();
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    break;
                }

                var escaped = text[position++];
                switch (escaped)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'u' when position + 4 <= text.Length
                        && ushort.TryParse(text.AsSpan(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        position += 4;
                        break;
                    default: value.Append(escaped); break;
                }
            }

            position = start;
            throw Error("the string is not closed");
        }

        /// <summary>A bare word: a property name (quoted on the way out), a literal, or a number.</summary>
        public string ReadWord()
        {
            var start = position;
            while (position < text.Length && IsWordChar(text[position]))
            {
                position++;
            }

            if (position == start)
            {
                throw Error($"'{text[position]}' is not expected here");
            }

            var word = text[start..position];
            var end = position;
            if (SkipTrivia() && Current == ':')
            {
                return JsonSerializer.Serialize(word);
            }

            position = end;
            if (word is "true" or "false" or "null")
            {
                return word;
            }

            return Number(word) ?? throw ErrorAt(start, $"'{word}' is neither a property name, a number, true, false nor null");
        }

        private static string? Number(string word)
        {
            var digits = word.StartsWith('-') ? word[1..] : word;
            if (digits.Length > 1 && digits[0] == '0' && digits.All(char.IsAsciiDigit))
            {
                // Json.NET reads an integer with a leading zero as octal; 8 and 9 make it no number at all.
                if (!digits.All(d => d is >= '0' and <= '7'))
                {
                    return null;
                }

                var octal = Convert.ToInt64(digits, 8);
                return (word.StartsWith('-') ? -octal : octal).ToString(CultureInfo.InvariantCulture);
            }

            return digits.Length > 0 && char.IsAsciiDigit(digits[0]) && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? word
                : null;
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '-' or '+' or '.';

        private bool At(string token) => text.AsSpan(position).StartsWith(token, StringComparison.Ordinal);

        private JsonException Error(string reason) => ErrorAt(position, reason);

        private JsonException ErrorAt(int at, string reason)
        {
            var line = 1 + text.AsSpan(0, at).Count('\n');
            var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
            return new JsonException($"Not JSON at line {line}, column {column}: {reason}.");
        }
    }
}
