using System.Text.RegularExpressions;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The patterns a KQL query takes log lines apart with, as .NET regexes: each
/// <c>| parse Message with "Run " RunId " step " Step …</c> line (simple mode: a string column takes
/// the shortest text up to the next literal, a typed one its number, <c>*</c> anything) and each
/// <c>extract(@"…", …)</c>.
/// </summary>
internal static partial class KqlPatterns
{
    public static IReadOnlyList<(string Source, Regex Pattern)> Of(string query)
    {
        var patterns = new List<(string, Regex)>();
        foreach (var line in query.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("| parse Message with ", StringComparison.Ordinal))
            {
                patterns.Add((line, Parse(line["| parse Message with ".Length..])));
            }
        }

        patterns.AddRange(Extract().Matches(query).Select(m => (m.Value, new Regex(m.Groups[1].Value, RegexOptions.None, TimeSpan.FromSeconds(1)))));
        return patterns;
    }

    private static Regex Parse(string spec)
    {
        var parts = ParseToken().Matches(spec).Select(m =>
            m.Groups["literal"].Success ? Regex.Escape(m.Groups["literal"].Value)
            : m.Groups["any"].Success ? ".*?"
            : m.Groups["type"].Value is "int" or "long" ? @"-?\d+"
            : ".*?");
        return new Regex("^" + string.Concat(parts) + "$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex("\"(?<literal>[^\"]*)\"|(?<any>\\*)|(?<column>\\w+)(?::(?<type>\\w+))?")]
    private static partial Regex ParseToken();

    [GeneratedRegex("extract\\(@\"([^\"]+)\"")]
    private static partial Regex Extract();
}
