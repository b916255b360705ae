using System.Text;

namespace Integration.Cli.Bench;

/// <summary>
/// docs/performance.md as parts between HTML comment markers, one per part of the bench (plan items, meeting
/// notes). A run replaces the parts it measured and keeps the others, so a run of one part never erases the
/// figures of another.
/// </summary>
internal static class ReportSections
{
    public const string Title = "# Performance of the nightly sync";
    public const string PlanItems = "plan-items";
    public const string MeetingNotes = "meeting-notes";
    public const string StatusReport = "status-report";

    // The order the parts stand in the file, whichever order they were measured in.
    private static readonly string[] Order = [PlanItems, MeetingNotes, StatusReport];

    /// <param name="existing">The file as it is, or null when there is none.</param>
    /// <param name="measured">The parts this run measured, by name, each as Markdown.</param>
    public static string Merge(string? existing, IReadOnlyDictionary<string, string> measured)
    {
        var parts = Parse(existing);
        foreach (var (name, body) in measured)
        {
            parts[name] = body.Trim('\n');
        }

        var md = new StringBuilder().Append(Title).Append("\n\n");
        foreach (var name in Order.Where(parts.ContainsKey))
        {
            md.Append(Start(name)).Append('\n').Append(parts[name]).Append('\n').Append(End(name)).Append("\n\n");
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static Dictionary<string, string> Parse(string? existing)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(existing))
        {
            return parts;
        }

        foreach (var name in Order)
        {
            var start = existing.IndexOf(Start(name), StringComparison.Ordinal);
            var end = existing.IndexOf(End(name), StringComparison.Ordinal);
            if (start >= 0 && end > start)
            {
                parts[name] = existing[(start + Start(name).Length)..end].Trim('\n');
            }
        }

        // A report written before it had parts holds the plan items alone, under the same title.
        if (parts.Count == 0)
        {
            var body = existing.StartsWith(Title, StringComparison.Ordinal) ? existing[Title.Length..] : existing;
            parts[PlanItems] = body.Trim('\n');
        }

        return parts;
    }

    private static string Start(string name) => $"<!-- bench:{name} -->";

    private static string End(string name) => $"<!-- /bench:{name} -->";
}
