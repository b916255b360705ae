using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The checkpoint of a case feed, in the engine's delta-link slot: the <c>LastDate</c> the next
/// read asks from, and when the last full read was. Written as
/// <c>cases:v1;since=…;full=…</c> (ISO 8601, UTC).
/// </summary>
public sealed record CaseDeltaLink(DateTimeOffset Since, DateTimeOffset FullReadAt)
{
    private const string Prefix = "cases:v1;";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}since={Since.UtcDateTime:O};full={FullReadAt.UtcDateTime:O}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseDeltaLink? link)
    {
        link = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;

        DateTimeOffset? since = null, full = null;
        foreach (var part in text[Prefix.Length..].Split(';'))
        {
            var (name, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at], part[(at + 1)..]) : (part, "");
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var instant)) return false;
            if (name == "since") since = instant;
            else if (name == "full") full = instant;
        }

        if (since is null || full is null) return false;
        link = new CaseDeltaLink(since.Value, full.Value);
        return true;
    }
}
