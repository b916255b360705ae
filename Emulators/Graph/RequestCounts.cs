using System.Runtime.CompilerServices;

namespace Integration.Emulators.Graph;

/// <summary>Graph requests by <see cref="RequestKind"/>; control requests (<c>/_standin/…</c>) are never among them.</summary>
public sealed record RequestCounts(
    int Delta, int Items, int Item, int FieldsPatch, int List, int Site, int UserLookup, int Other)
{
    public static readonly RequestCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int Total => Delta + Items + Item + FieldsPatch + List + Site + UserLookup + Other;

    /// <summary>The counts by kind name as the control API spells them: <c>delta</c>, <c>items</c>, <c>item</c>, <c>fieldsPatch</c>, <c>list</c>, <c>site</c>, <c>userLookup</c>, <c>other</c>.</summary>
    public IReadOnlyDictionary<string, int> ByKind => new Dictionary<string, int>
    {
        ["delta"] = Delta,
        ["items"] = Items,
        ["item"] = Item,
        ["fieldsPatch"] = FieldsPatch,
        ["list"] = List,
        ["site"] = Site,
        ["userLookup"] = UserLookup,
        ["other"] = Other,
    };

    // Named apart from the Item property.
    [IndexerName("Count")]
    public int this[RequestKind kind] => kind switch
    {
        RequestKind.Delta => Delta,
        RequestKind.Items => Items,
        RequestKind.Item => Item,
        RequestKind.FieldsPatch => FieldsPatch,
        RequestKind.List => List,
        RequestKind.Site => Site,
        RequestKind.UserLookup => UserLookup,
        _ => Other,
    };

    public static RequestCounts Of(IEnumerable<RequestKind> kinds)
    {
        var counts = new int[Enum.GetValues<RequestKind>().Length];
        foreach (var kind in kinds)
        {
            counts[(int)kind]++;
        }

        int Of(RequestKind kind) => counts[(int)kind];
        return new(
            Of(RequestKind.Delta), Of(RequestKind.Items), Of(RequestKind.Item), Of(RequestKind.FieldsPatch),
            Of(RequestKind.List), Of(RequestKind.Site), Of(RequestKind.UserLookup), Of(RequestKind.Other));
    }
}
