using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Integration.Core.CaseSystem;

/// <summary>
/// A diary number (diarienummer): the number the city's case system gives a case, such as
/// <c>AMN 2015-0340-01.02</c> — the board (here Arbetsmarknadsnämnden), the year, a serial within the
/// year, and the case's classification. Numbers are read leniently and written one way:
/// surrounding space is trimmed, runs of space (non-breaking space too) become one, typographic dashes
/// (– —) become <c>-</c>, the board is upper-cased and the serial zero-padded (<c>amn 2015-340</c> is
/// <c>AMN 2015-0340</c>). A year is never completed: <c>AMN 15-340</c> is refused. Two numbers are equal
/// when their canonical forms are. Other families, such as <c>KS/2019/0001/0009</c>, are read with another
/// <see cref="DiaryNumberFormat"/>.
/// </summary>
public sealed class DiaryNumber : IEquatable<DiaryNumber>
{
    private const int QuotedLength = 60;

    private readonly string canonical;

    private DiaryNumber(DiaryNumberFormat format, DiaryNumberFormat.Parts parts)
    {
        Format = format;
        Prefix = parts.Prefix;
        Year = parts.Year;
        Serial = parts.Serial;
        Classification = parts.Classification;
        canonical = format.Write(parts);
    }

    /// <summary>The board, upper-case, e.g. <c>AMN</c>.</summary>
    public string Prefix { get; }

    public int Year { get; }

    /// <summary>The serial within the year, e.g. 340 in <c>AMN 2015-0340</c>.</summary>
    public int Serial { get; }

    /// <summary>The classification as written, e.g. <c>01.02</c>; null when the number has none.</summary>
    public string? Classification { get; }

    public DiaryNumberFormat Format { get; }

    /// <summary>Reads a number of the <see cref="DiaryNumberFormat.Default"/> family.</summary>
    /// <exception cref="FormatException">It is not one; the message quotes the value and says what is wrong.</exception>
    public static DiaryNumber Parse(string value) => Parse(value, DiaryNumberFormat.Default);

    /// <exception cref="FormatException">It is not one; the message quotes the value and says what is wrong.</exception>
    public static DiaryNumber Parse(string value, DiaryNumberFormat format) =>
        TryParse(value, format, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>Reads a number of the <see cref="DiaryNumberFormat.Default"/> family.</summary>
    /// <param name="error">When false: e.g. "'AMN 15-340' is not a diary number: the year must have four digits."</param>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out DiaryNumber? number, [NotNullWhen(false)] out string? error) =>
        TryParse(value, DiaryNumberFormat.Default, out number, out error);

    /// <param name="error">When false: e.g. "'AMN 15-340' is not a diary number: the year must have four digits."</param>
    public static bool TryParse([NotNullWhen(true)] string? value, DiaryNumberFormat format, [NotNullWhen(true)] out DiaryNumber? number, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(format);
        number = null;
        var normalised = Normalise(value);
        if (normalised.Length == 0)
        {
            error = $"'{value}' is not a diary number: it is empty.";
            return false;
        }

        if (!format.TryRead(normalised, out var parts, out var reason))
        {
            error = $"'{Quote(value!)}' is not a diary number: {reason}.";
            return false;
        }

        number = new DiaryNumber(format, parts);
        error = null;
        return true;
    }

    /// <summary>The canonical form, e.g. <c>AMN 2015-0340-01.02</c>.</summary>
    public override string ToString() => canonical;

    public bool Equals(DiaryNumber? other) => other is not null && string.Equals(canonical, other.canonical, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DiaryNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(canonical);

    public static bool operator ==(DiaryNumber? left, DiaryNumber? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(DiaryNumber? left, DiaryNumber? right) => !(left == right);

    private static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c is >= '\u2010' and <= '\u2015' or '\u2212' ? '-' : c);
            }
        }

        return text.ToString();
    }

    // A value pasted from a document can be long; the message keeps its start.
    private static string Quote(string value) => value.Length <= QuotedLength ? value : value[..QuotedLength].TrimEnd() + "…";
}
