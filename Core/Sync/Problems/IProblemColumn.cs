namespace Integration.Core.Sync.Problems;

/// <summary>
/// The column of a source's list or library where the night writes, in Swedish, what is wrong with an
/// item (<c>SharePoint__Fields__{Source}__DataProblem</c>). The engine compares what the column holds
/// as the feed gave the item with what it should say, and writes only a difference: the night's own
/// write coming back through delta is then seen to need nothing.
/// </summary>
public interface IProblemColumn<TItem>
{
    /// <summary>The setting naming the column, as an operator types it.</summary>
    string Setting { get; }

    /// <summary>The column's internal name; null when the setting is empty, which turns the write-back off.</summary>
    string? InternalName { get; }

    /// <summary>What the column holds on the item as the feed gave it; null when empty.</summary>
    string? Current(TItem item);

    /// <summary>How people name the item (its title, a file's name); shown in Teams and by <c>status</c>.</summary>
    string Describe(TItem item);

    /// <summary>Where the item opens in SharePoint, when the feed gives it (a file does); null to let the digest build it from the list.</summary>
    string? WebUrl(TItem item) => null;

    /// <summary>The person the item names as its owner (site-user lookup id), who is told personally; null for none.</summary>
    string? OwnerLookupId(TItem item) => null;

    /// <summary>Writes each text to its item's column (null clears it), all together; each item's outcome by its id.</summary>
    /// <exception cref="ProblemColumnMissingException">The list has no such column.</exception>
    Task<IReadOnlyDictionary<string, ProblemWrite>> WriteAsync(string containerId, IReadOnlyList<(TItem Item, string? Text)> writes, CancellationToken ct);
}

/// <summary>What became of one item's data-problem write.</summary>
public enum ProblemWrite
{
    Written,

    /// <summary>The item was deleted meanwhile; the next delta tombstones it.</summary>
    Gone,

    /// <summary>SharePoint refused or kept throttling; the text is written when the item is next read.</summary>
    Failed,
}

/// <summary>SharePoint refused the write because the list has no column by the configured name.</summary>
public sealed class ProblemColumnMissingException(string message, Exception? inner = null) : Exception(message, inner);
