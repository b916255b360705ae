using System.Text.RegularExpressions;

namespace Integration.Core.Enterprises;

/// <summary>
/// Masks every personal identity number in a text, wherever it stands: the item the Quarantine table
/// keeps is the item as SharePoint sent it, and a sole trader's number may stand in any column (the
/// number column, but also a name or a contact someone typed it into). A run of digits that reads as
/// a personal identity number becomes <c>YYMMDD-****</c>; anything else is left as it is.
/// </summary>
public static partial class PersonalNumberMask
{
    public static string Apply(string text, DateOnly today) =>
        Candidate().Replace(text, m => PersonalIdentityNumber.TryParse(m.Value, today, out var number, out _) ? number.Masked : m.Value);

    /// <summary>10 or 12 digits, with a separator (any dash or <c>+</c>) before the last four or none.</summary>
    [GeneratedRegex(@"(?<!\d)(?:\d{2})?\d{6}[-+\u2010-\u2015\u2212]?\d{4}(?!\d)")]
    private static partial Regex Candidate();
}
