using System.Text.RegularExpressions;

namespace Integration.Functions.Tests.Deployment;

/// <summary>A key documented in the configuration reference table, and whether the row gives a default or says it is optional.</summary>
internal sealed record DocumentedKey(string Key, bool HasDefaultOrOptional)
{
    /// <summary>The fixed part of a pattern like <c>SharePoint__Fields__&lt;List&gt;__&lt;Column&gt;</c>.</summary>
    public string Prefix => Key.IndexOf("__<", StringComparison.Ordinal) is var at and >= 0 ? Key[..at] : Key;

    public bool IsPattern => Prefix.Length != Key.Length;
}

/// <summary>
/// Reads the configuration reference table of README.md (or docs/configuration.md). A row documents
/// the keys written in backticks in its first cell, one full key each, e.g.
/// <code>| `SharePoint__PageSize` | items per Graph page | default `200` |</code>
/// The row counts as "has a default or is optional" when any other cell contains the word
/// <c>default</c> or <c>optional</c>. A map is documented with placeholders:
/// <code>| `SharePoint__Fields__&lt;List&gt;__&lt;Column&gt;` | column name overrides | optional |</code>
/// </summary>
internal static partial class ConfigurationReference
{
    public static IReadOnlyList<DocumentedKey> Parse(string markdown)
    {
        var keys = new List<DocumentedKey>();
        foreach (var line in markdown.Split('\n'))
        {
            var row = line.Trim();
            if (!row.StartsWith('|'))
            {
                continue;
            }

            var cells = row.Trim('|').Split('|');
            var rest = string.Join('|', cells.Skip(1));
            var hasDefault = DefaultOrOptional().IsMatch(rest);
            keys.AddRange(Key().Matches(cells[0]).Select(m => new DocumentedKey(m.Groups[1].Value, hasDefault)));
        }

        return keys;
    }

    // A configuration key in backticks: letters, digits, _ and <Placeholders>; no spaces or dots.
    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_]*(?:<[A-Za-z]+>[A-Za-z0-9_]*)*)`")]
    private static partial Regex Key();

    [GeneratedRegex(@"\b(default|optional)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultOrOptional();
}
