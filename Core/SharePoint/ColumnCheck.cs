using Microsoft.Extensions.Logging;

namespace Integration.Core.SharePoint;

/// <summary>
/// Checks a source's configured columns against the list's own (<c>GET …/columns</c>), so a typo in
/// a <c>SharePoint__Fields__…</c> setting fails the sync with the setting named instead of sending
/// every item to quarantine. One per run, and it asks SharePoint at most once a run, and only where
/// it costs a quiet night nothing: when a full sync starts, and when every live item of a page lacks
/// a column every valid item has. Graph leaves empty columns out of <c>fields</c>, so one item
/// without a value proves nothing, while a whole page without it is suspect.
/// </summary>
public sealed partial class ColumnCheck(
    SharePointLists lists, string listId, string listReference, IReadOnlyList<MappedColumn> mapping, ILogger logger)
{
    private bool _asked;

    public Task BeginFeedAsync(bool fullSync, CancellationToken ct) => fullSync ? CheckOnceAsync(ct) : Task.CompletedTask;

    public Task BeforePageAsync(IReadOnlyCollection<SharePointItem> live, CancellationToken ct)
    {
        if (_asked || LackedOnEveryItem(live, mapping) is not { } lacked) return Task.CompletedTask;
        LogSuspectPage(listId, live.Count, lacked.FieldName);
        return CheckOnceAsync(ct);
    }

    private async Task CheckOnceAsync(CancellationToken ct)
    {
        if (_asked) return;
        _asked = true;
        var columns = await lists.ListColumnsAsync(listId, ct);
        if (Problems(mapping, columns) is { Count: > 0 } problems) throw new ColumnMappingException(listReference, problems);
    }

    /// <summary>A required column that no item of <paramref name="live"/> carries; null when each is there or the page has no items.</summary>
    public static MappedColumn? LackedOnEveryItem(IReadOnlyCollection<SharePointItem> live, IReadOnlyList<MappedColumn> mapping) =>
        live.Count == 0 ? null : mapping.FirstOrDefault(c => c.Required && live.All(item => item.Text(c.FieldName) is null));

    /// <summary>
    /// What is wrong with the mapping for a list with <paramref name="columns"/>: each configured
    /// column must be one of them by its internal name (exactly: items carry that spelling), and
    /// a written one must not be read-only. A person or lookup column is checked by its own name,
    /// not the <c>…LookupId</c> its items carry.
    /// </summary>
    public static IReadOnlyList<ColumnProblem> Problems(IReadOnlyList<MappedColumn> mapping, IReadOnlyList<SharePointColumn> columns)
    {
        var byName = new Dictionary<string, SharePointColumn>(StringComparer.Ordinal);
        foreach (var column in columns) byName.TryAdd(column.Name, column);

        // A column another setting already maps is no suggestion for this one.
        var mapped = mapping.Select(c => c.InternalName).Where(byName.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var candidates = columns.Where(c => !mapped.Contains(c.Name)).ToList();

        var problems = new List<ColumnProblem>();
        foreach (var column in mapping)
        {
            if (byName.TryGetValue(column.InternalName, out var found))
            {
                if (column.Written && found.ReadOnly)
                {
                    problems.Add(new ColumnProblem(column, null,
                        $"{Configured(column)}, a read-only column; the backend writes this column, so it must be a writable text or choice column."));
                }

                continue;
            }

            const string Suffix = "LookupId";
            if (column.IsLookup && column.InternalName.EndsWith(Suffix, StringComparison.Ordinal)
                && byName.TryGetValue(column.InternalName[..^Suffix.Length], out var person))
            {
                problems.Add(new ColumnProblem(column, person,
                    $"{Configured(column)}, but a person or lookup column is named without '{Suffix}': the column is '{person.Name}'."));
                continue;
            }

            var closest = ClosestColumn.Find(column.InternalName, candidates);
            var suggestion = closest is null ? "" : $"; the closest is '{closest.Name}' (display name '{closest.DisplayName}')";
            problems.Add(new ColumnProblem(column, closest, $"{Configured(column)}, but the list has no column with that internal name{suggestion}."));
        }

        return problems;
    }

    private static string Configured(MappedColumn column) => column.Overridden
        ? $"{column.Setting} is '{column.InternalName}'"
        : $"{column.Setting} is not set, so the column is '{column.InternalName}' (the default)";

    [LoggerMessage(Level = LogLevel.Information, Message = "None of the {Count} live items of a page of list {ListId} has {Field}: checking the configured columns against the list.")]
    private partial void LogSuspectPage(string listId, int count, string field);
}
