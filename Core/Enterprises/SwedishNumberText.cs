namespace Integration.Core.Enterprises;

/// <summary>
/// The written shape Swedish organisation and personal identity numbers share: digits, with at most one
/// separator (<c>-</c>, or <c>+</c> for a person of 100 or more) before the last four. Only the shape is
/// checked here; what the digits mean is each number's own rule.
/// </summary>
internal static class SwedishNumberText
{
    /// <summary>Trims, and turns typographic dashes (– — ‐ −), which documents put in place of a hyphen, into <c>-</c>.</summary>
    public static string Normalise(string value)
    {
        var text = value.Trim().ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= '\u2010' and <= '\u2015' or '\u2212') text[i] = '-';
        }

        return new string(text);
    }

    /// <summary>
    /// Splits off the separator. Where it stands is told, not judged, so that a number with a digit too few
    /// is refused for its length rather than for a hyphen that then looks misplaced.
    /// </summary>
    /// <param name="digits">The digits without the separator.</param>
    /// <param name="separator"><c>-</c>, <c>+</c>, or null when there is none.</param>
    /// <param name="separatorPlaced">False when there is a separator that does not stand before the last four digits.</param>
    /// <param name="error">Why the shape is wrong, as a clause without the value.</param>
    public static bool TrySplit(string text, out string digits, out char? separator, out bool separatorPlaced, out string? error)
    {
        digits = "";
        separator = null;
        separatorPlaced = true;
        var at = text.IndexOfAny(['-', '+']);
        var body = at < 0 ? text : string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1));
        if (body.Length == 0 || !body.All(char.IsAsciiDigit))
        {
            error = "it may hold only digits, with a hyphen before the last four";
            return false;
        }

        if (at >= 0)
        {
            separator = text[at];
            separatorPlaced = at == text.Length - 5;
        }

        digits = body;
        error = null;
        return true;
    }

    /// <summary>The reason for a separator that does not stand before the last four digits.</summary>
    public const string MisplacedSeparator = "the hyphen belongs before the last four digits";
}
