using Integration.Core.Privacy;
using Integration.Core.SharePoint;

namespace Integration.Core.Enterprises;

/// <summary>
/// An item of the enterprise list as the <see cref="EnterpriseFeed"/> hands it on: the list item (its
/// Quarantine copy masked), the other items that hold the same number now (so a duplicate is known
/// without reading the whole list), and the day it was read (which places a 10-digit personal identity
/// number in its century).
/// </summary>
public sealed record EnterpriseItem(SharePointItem Item, IReadOnlyCollection<string> OtherHolders, DateOnly Today) : MaskedListItem(Item);
