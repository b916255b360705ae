using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Integration.Core.CaseSystem;

/// <summary>
/// How one family of diary numbers is written. <see cref="Pattern"/> gives the shape, with named groups
/// <c>prefix</c>, <c>year</c>, <c>serial</c> and optionally <c>class</c>; it should take digit runs of any
/// length (<c>\d+</c>), because the lengths are checked afterwards, part by part, so that an error can say
/// which part is wrong. <see cref="Canonical"/> writes a number back, with <c>{prefix}</c>, <c>{year}</c>,
/// <c>{serial}</c>, and <c>{class}</c> inside <c>[…]</c>, a part written only when there is a classification.
/// </summary>
/// <remarks>
/// The rules every family shares: the board prefix is 2 to 5 letters (å, ä, ö and other letters allowed),
/// upper-cased; the year has exactly four digits, and a two-digit year is refused, never completed; the
/// serial has 1 to <see cref="SerialDigits"/> digits, is not 0, and is zero-padded to that width; the
/// classification, when there is one, must match <see cref="ClassPattern"/> and is kept as written
/// (<c>01.02</c> and <c>1.2</c> are different classifications).
/// </remarks>
public sealed class DiaryNumberFormat
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex shape;
    private readonly Regex classShape;

    /// <summary>
    /// Creates a format and checks it against its own <paramref name="example"/>, which must be in canonical form.
    /// </summary>
    /// <param name="pattern">The shape, with named groups <c>prefix</c>, <c>year</c>, <c>serial</c> and optionally <c>class</c>.</param>
    /// <param name="canonical">How a number is written, e.g. <c>{prefix} {year}-{serial}[-{class}]</c>.</param>
    /// <param name="example">A number in canonical form, quoted in error messages.</param>
    /// <param name="classPattern">What a classification must look like; <paramref name="classRule"/> says it in words.</param>
    /// <param name="classRule">The classification rule for error messages, e.g. "numbers separated by dots, such as 01.02".</param>
    /// <param name="serialDigits">The serial's width.</param>
    /// <exception cref="ArgumentException">A group or placeholder is missing, or the example does not round-trip.</exception>
    public DiaryNumberFormat(string pattern, string canonical, string example, string classPattern, string classRule, int serialDigits = 4)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(canonical);
        ArgumentException.ThrowIfNullOrWhiteSpace(example);
        ArgumentException.ThrowIfNullOrWhiteSpace(classPattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(classRule);
        ArgumentOutOfRangeException.ThrowIfLessThan(serialDigits, 1);

        shape = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        classShape = new Regex(classPattern, RegexOptions.CultureInvariant, MatchTimeout);
        var groups = shape.GetGroupNames();
        foreach (var required in new[] { "prefix", "year", "serial" })
        {
            if (!groups.Contains(required))
            {
                throw new ArgumentException($"The pattern has no group named '{required}'.", nameof(pattern));
            }

            if (!canonical.Contains("{" + required + "}", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The canonical form has no {{{required}}}.", nameof(canonical));
            }
        }

        HasClass = groups.Contains("class");
        var optional = canonical.IndexOf('[', StringComparison.Ordinal);
        var classInOptional = optional >= 0 && canonical.IndexOf("{class}", StringComparison.Ordinal) > optional && canonical.EndsWith(']');
        if (HasClass != classInOptional)
        {
            throw new ArgumentException("A pattern with a 'class' group needs a canonical form ending in an optional part […{class}], and only then.", nameof(canonical));
        }

        Pattern = pattern;
        Canonical = canonical;
        ClassPattern = classPattern;
        ClassRule = classRule;
        SerialDigits = serialDigits;
        Example = example;
        if (!DiaryNumber.TryParse(example, this, out var parsed, out var error) || parsed.ToString() != example)
        {
            throw new ArgumentException($"The example '{example}' is not in this format's canonical form ({error ?? parsed?.ToString()}).", nameof(example));
        }
    }

    /// <summary>
    /// The city's usual form, <c>AMN 2015-0340-01.02</c>: board, year, serial, and a classification of
    /// dot-separated numbers. The space after the board may be missing (<c>AMN2015-0340</c>).
    /// </summary>
    public static DiaryNumberFormat Default { get; } = new(
        @"^(?<prefix>\p{L}+) ?(?<year>\d+)-(?<serial>\d+)(?:-(?<class>.+))?$",
        "{prefix} {year}-{serial}[-{class}]",
        "AMN 2015-0340-01.02",
        @"^\d+(\.\d+)*$",
        "numbers separated by dots, such as 01.02");

    /// <summary>The slash-separated form, <c>KS/2019/0001/0009</c>: board, year, serial, and a four-digit classification.</summary>
    public static DiaryNumberFormat Slashed { get; } = new(
        @"^(?<prefix>\p{L}+)/(?<year>\d+)/(?<serial>\d+)(?:/(?<class>.+))?$",
        "{prefix}/{year}/{serial}[/{class}]",
        "KS/2019/0001/0009",
        @"^\d{4}$",
        "four digits, such as 0009");

    public string Pattern { get; }

    public string Canonical { get; }

    public string Example { get; }

    public string ClassPattern { get; }

    public string ClassRule { get; }

    public int SerialDigits { get; }

    public bool HasClass { get; }

    public override string ToString() => Example;

    /// <summary>The parts of a number, checked and normalised; or why there are none (a reason, without the value).</summary>
    internal bool TryRead(string normalised, out Parts parts, out string reason)
    {
        parts = default;
        var match = shape.Match(normalised);
        if (!match.Success)
        {
            reason = $"expected the form {Example}";
            return false;
        }

        var prefix = match.Groups["prefix"].Value.ToUpperInvariant();
        var year = match.Groups["year"].Value;
        var serial = match.Groups["serial"].Value;
        var classification = match.Groups["class"] is { Success: true, Value.Length: > 0 } found ? found.Value : null;
        reason = prefix.Length is < 2 or > 5 || !prefix.All(char.IsLetter) ? "the board prefix must be 2 to 5 letters"
            : year.Length != 4 || !year.All(char.IsAsciiDigit) ? "the year must have four digits"
            : serial.Length > SerialDigits || !serial.All(char.IsAsciiDigit) ? $"the serial must have at most {SerialDigits} digits"
            : serial.All(d => d == '0') ? "the serial must not be 0"
            : classification is not null && !classShape.IsMatch(classification) ? $"the classification must be {ClassRule}"
            : "";
        if (reason.Length > 0)
        {
            return false;
        }

        parts = new Parts(
            prefix,
            int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(serial, NumberStyles.None, CultureInfo.InvariantCulture),
            classification);
        return true;
    }

    internal string Write(Parts parts)
    {
        var text = new StringBuilder(Canonical)
            .Replace("{prefix}", parts.Prefix)
            .Replace("{year}", parts.Year.ToString("D4", CultureInfo.InvariantCulture))
            .Replace("{serial}", parts.Serial.ToString("D" + SerialDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            .ToString();
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        return parts.Classification is null
            ? text[..open]
            : text[..open] + text[(open + 1)..^1].Replace("{class}", parts.Classification, StringComparison.Ordinal);
    }

    internal readonly record struct Parts(string Prefix, int Year, int Serial, string? Classification);
}
