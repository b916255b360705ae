using System.Text.RegularExpressions;

namespace Integration.Core.Privacy;

/// <summary>
/// The last guard on a text the night writes where the network reads it (an item's data-problem column,
/// Teams): no digit of a personal identity number and no email address, whatever the catalogue's
/// sentence quoted from the item. A value quoted into a Swedish text is cut short as well.
/// </summary>
public static partial class NetworkText
{
    /// <summary>The longest value a Swedish text quotes.</summary>
    public const int MaxQuoted = 60;

    public static string Safe(string text) => Email().Replace(PersonalNumberMask.Hide(text), "(e-postadress)");

    /// <summary>A value from the item as a Swedish text quotes it: in single quotes, cut short, made safe.</summary>
    public static string Quote(string? value)
    {
        var safe = Safe((value ?? "").Trim());
        return safe.Length <= MaxQuoted ? $"'{safe}'" : $"'{safe[..MaxQuoted]}…'";
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+'-]+(?:@|%40)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Email();
}
