namespace Integration.Core.SharePoint;

/// <summary>
/// The configured columns do not match the list: a setting names a column the list does not have,
/// or a column the backend writes is read-only. A configuration error, so the source's sync fails
/// rather than quarantine every item for a value it could never read.
/// </summary>
public sealed class ColumnMappingException(string listReference, IReadOnlyList<ColumnProblem> problems)
    : InvalidOperationException(
        $"The columns configured for SharePoint list '{listReference}' do not match the list: " +
        string.Join(" ", problems.Select(p => p.Text)) +
        " A setting names a column by its internal name (its \"name\" in Graph), not by its display name.")
{
    public IReadOnlyList<ColumnProblem> Problems { get; } = problems;
}

/// <summary>What is wrong with one configured column, and the list's column it most likely meant.</summary>
public sealed record ColumnProblem(MappedColumn Column, SharePointColumn? Closest, string Text);
