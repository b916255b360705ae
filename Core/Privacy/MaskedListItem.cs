using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Privacy;

/// <summary>
/// A list item as a feed hands it to the engine, with every personal identity number in the copy the
/// Quarantine table keeps masked (<see cref="PersonalNumberMask"/>), in whatever column and form it
/// was typed: for the lists where a sole trader's number may turn up (the enterprise register and its
/// agreements).
/// </summary>
public record MaskedListItem(SharePointItem Item) : IFeedItem
{
    public string Id => Item.Id;

    public bool Deleted => Item.Deleted;

    public string? Unreadable => Item.Unreadable;

    public string ToJson() => PersonalNumberMask.Apply(Item.ToJson());
}
