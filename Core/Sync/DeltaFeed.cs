namespace Integration.Core.Sync;

/// <summary>One item of a delta feed: a list item or a drive item, as the engine needs to see it.</summary>
public interface IFeedItem
{
    string Id { get; }

    /// <summary>The feed reports the item deleted.</summary>
    bool Deleted { get; }

    /// <summary>The item as read, for the Quarantine table.</summary>
    string ToJson();

    /// <summary>Why the item could not be read at all (its JSON holds what .NET cannot take), or null; it goes to quarantine unmapped.</summary>
    string? Unreadable { get; }
}

/// <summary>One page of a delta feed; the last page carries the delta link to save.</summary>
public sealed record FeedPage<TItem>(IReadOnlyList<TItem> Items, string? DeltaLink);

/// <summary>
/// A SharePoint delta feed (list items or a document library's drive items). Pages are yielded as
/// they arrive, so memory stays flat whatever the size of the list.
/// </summary>
public interface IDeltaFeed<TItem> where TItem : IFeedItem
{
    /// <summary>What the feed reads (a list, a library); used in messages.</summary>
    string Kind { get; }

    /// <summary>Turns a configured display name or id into the id that never changes.</summary>
    Task<string> ResolveAsync(string reference, CancellationToken ct);

    /// <summary>Reads from a saved delta link, or from scratch when it is null.</summary>
    /// <exception cref="DeltaResyncRequiredException">The link has expired (410 Gone).</exception>
    IAsyncEnumerable<FeedPage<TItem>> ReadAsync(string containerId, string? deltaLink, CancellationToken ct);
}

/// <summary>The saved delta token has expired (410 Gone), or the feed wants a full read: start again without one.</summary>
public sealed class DeltaResyncRequiredException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A feed kept on paging: it led back to a page it had already sent, or went past the pages a night
/// may read. The read stops before its delta link, so nothing is checkpointed and the next night
/// starts from the last good checkpoint. The message says what happened and which setting raises a cap.
/// </summary>
public sealed class FeedLoopException(string message, Exception? inner = null) : Exception(message, inner);
