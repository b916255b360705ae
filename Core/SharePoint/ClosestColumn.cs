namespace Integration.Core.SharePoint;

/// <summary>
/// The column a misspelt name most likely meant, for an error message: the fewest edits away
/// from its internal name or its display name, whichever is closer, ignoring case.
/// </summary>
public static class ClosestColumn
{
    /// <summary>
    /// The closest of <paramref name="columns"/> to <paramref name="configured"/>; null when there are none.
    /// A setting maps a column someone added to the list, so SharePoint's own (read-only, then hidden)
    /// come only after every other, however close: <c>DueDate</c> is nearer <c>Created</c> than
    /// <c>Slutdatum</c>. Ties go to a column matched by its internal name, then to the earlier one.
    /// </summary>
    public static SharePointColumn? Find(string configured, IEnumerable<SharePointColumn> columns) =>
        columns
            .Select((column, index) =>
            {
                var byName = Distance(configured, column.Name);
                var byDisplayName = Distance(configured, column.DisplayName);
                return (Column: column, Distance: Math.Min(byName, byDisplayName), ByDisplayName: byDisplayName < byName, Index: index);
            })
            .OrderBy(c => c.Column.ReadOnly)
            .ThenBy(c => c.Column.Hidden)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.ByDisplayName)
            .ThenBy(c => c.Index)
            .Select(c => c.Column)
            .FirstOrDefault();

    /// <summary>
    /// Edits (insert, delete, substitute, swap two neighbours) that turn one name into the other,
    /// ignoring case: <c>Slutdatumm</c> is one from <c>Slutdatum</c>, <c>DeuDate</c> one from <c>DueDate</c>.
    /// </summary>
    public static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();

        // Three rows of the optimal-string-alignment table: two back, one back, this one.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}
