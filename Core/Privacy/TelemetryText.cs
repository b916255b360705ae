using System.Text.RegularExpressions;

namespace Integration.Core.Privacy;

/// <summary>
/// What telemetry may keep of an outgoing request: no query string (the Workflows webhook's
/// <c>sig</c>, a download's <c>tempauth</c>) and no address (a user principal name in a Graph path,
/// plain or percent-encoded), so that whoever reads the telemetry can neither post into the channel,
/// download a note nor tell who was notified.
/// </summary>
public static partial class TelemetryText
{
    public static string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var withoutQuery = QueryOrFragment().Replace(text, "");
        return Address().Replace(withoutQuery, m => $"{m.Groups["first"].Value}***@{m.Groups["domain"].Value}");
    }

    /// <summary>From <c>?</c> or <c>#</c> to the end of the URL (white space ends it, as in a "POST /path?x" name).</summary>
    [GeneratedRegex(@"[?#][^\s]*")]
    private static partial Regex QueryOrFragment();

    [GeneratedRegex(@"(?<first>[\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]*(?:@|%40)(?<domain>[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
