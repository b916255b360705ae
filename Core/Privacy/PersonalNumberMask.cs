using System.Text.RegularExpressions;

namespace Integration.Core.Privacy;

/// <summary>
/// Masks every run of a text shaped like a Swedish personal identity number (personnummer), wherever
/// it stands: a sole trader's number may be typed into any column (the number column, a name, a
/// contact), pasted as a VAT number, or written with a space or a wrong check digit. The shape, not the
/// check digit, decides, so a typo is masked too:
/// <list type="bullet">
/// <item>10 digits <c>YYMMDDNNNN</c>, or 12 with the century (18, 19 or 20) in front, with <c>-</c>,
/// <c>+</c>, a typographic dash, a space or nothing before the last four;</item>
/// <item>a month of 01–12 and a day of 01–31, or 61–91 (a coordination number, samordningsnummer, adds
/// 60 to the day);</item>
/// <item>the same ten digits inside a VAT number, <c>SE</c> + 10 digits + <c>01</c>.</item>
/// </list>
/// An organisation number is not masked: its third digit is at least 2, which no month has
/// (<c>559900-0014</c> stays readable, in a VAT number too).
/// </summary>
public static partial class PersonalNumberMask
{
    /// <summary>What <see cref="Hide"/> leaves of a number.</summary>
    public const string Hidden = "******-****";

    /// <summary>Each personal identity number becomes <c>YYMMDD-****</c> (a VAT number keeps its <c>SE</c> and <c>01</c>).</summary>
    public static string Apply(string text) =>
        Candidate().Replace(text, m => IsPersonal(m) && m.Groups["tail"].Value != "****" ? m.Groups["date"].Value + "-****" : m.Value);

    /// <summary>For a log line: each personal identity number, whole or already masked, becomes <see cref="Hidden"/>, birth date included.</summary>
    public static string Hide(string text) =>
        Candidate().Replace(text, m => IsPersonal(m) ? Hidden : m.Value);

    private static bool IsPersonal(Match m)
    {
        var century = m.Groups["century"];
        if (century.Success && century.Value is not ("18" or "19" or "20")) return false;
        var date = m.Groups["date"].Value;
        var month = Number(date, 2);
        var day = Number(date, 4);
        return month is >= 1 and <= 12 && (day is >= 1 and <= 31 || day is >= 61 and <= 91);
    }

    private static int Number(string text, int at) => (text[at] - '0') * 10 + (text[at + 1] - '0');

    /// <summary>
    /// The ten digits of a VAT number (<c>SE</c> before, <c>01</c> after, outside the match so they stay),
    /// or 10 or 12 digits standing alone; the last four may already be <c>****</c>.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?<![0-9A-Za-z])[Ss][Ee] ?)(?<date>\d{6})[-+ \u2010-\u2015\u2212]?(?<tail>\d{4}|\*{4})(?= ?01(?!\d))" +
        @"|(?<!\d)(?<century>\d{2})?(?<date>\d{6})[-+ \u2010-\u2015\u2212]?(?<tail>\d{4}|\*{4})(?!\d)")]
    private static partial Regex Candidate();
}
