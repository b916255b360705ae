using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Enterprises;

/// <summary>
/// An item of the enterprise list as the <see cref="EnterpriseFeed"/> hands it on: the list item, the
/// other items that hold the same number now (so a duplicate is known without reading the whole list),
/// and the day it was read (which places a 10-digit personal identity number in its century).
/// </summary>
public sealed record EnterpriseItem(SharePointItem Item, IReadOnlyCollection<string> OtherHolders, DateOnly Today) : IFeedItem
{
    public string Id => Item.Id;

    public bool Deleted => Item.Deleted;

    public string? Unreadable => Item.Unreadable;

    /// <summary>
    /// The item for the Quarantine table, with every personal identity number in it masked: the
    /// clear number is kept only in the enterprise's own row, for the code that needs it.
    /// </summary>
    public string ToJson() => PersonalNumberMask.Apply(Item.ToJson(), Today);
}
