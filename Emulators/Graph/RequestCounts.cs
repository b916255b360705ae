using System.Runtime.CompilerServices;

namespace Integration.Emulators.Graph;

/// <summary>
/// Graph requests by <see cref="RequestKind"/>; control requests (<c>/_standin/…</c>) are never among them. An operation
/// inside a <c>$batch</c> is counted under its own kind (a PATCH in a batch is a <see cref="FieldsPatch"/>) and in
/// <see cref="Batched"/>; its envelope is a <see cref="Batch"/>.
/// </summary>
/// <param name="Batch">The <c>$batch</c> envelopes.</param>
/// <param name="Batched">The operations that arrived inside an envelope (also counted under their kinds).</param>
/// <param name="ResourceUnits">The SharePoint resource units charged (<see cref="LoggedRequest.ResourceUnits"/>).</param>
/// <param name="Throttled">Answers 429 or 503, from the resource-unit budget or an injected fault; an envelope answered so counts too.</param>
/// <param name="MostThrottlesOfOneRequest">The most 429 or 503 answers one request (method and path with query) had: 1 means none was throttled twice.</param>
public sealed record RequestCounts(
    int Delta, int Items, int Item, int FieldsPatch, int List, int Site, int UserLookup, int Other,
    int Batch = 0, int Batched = 0, int ResourceUnits = 0, int Throttled = 0, int MostThrottlesOfOneRequest = 0)
{
    public static readonly RequestCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// HTTP requests on the wire: the envelopes plus the operations sent on their own. The operations inside
    /// envelopes are not in it (they are in <see cref="Batched"/> and their kinds), so 20 PATCHes in one batch are 1.
    /// </summary>
    public int Total => Delta + Items + Item + FieldsPatch + List + Site + UserLookup + Other + Batch - Batched;

    /// <summary>The counts by kind name as the control API spells them: <c>delta</c>, <c>items</c>, <c>item</c>, <c>fieldsPatch</c>, <c>list</c>, <c>site</c>, <c>userLookup</c>, <c>other</c>, <c>batch</c>.</summary>
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
        ["batch"] = Batch,
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
        RequestKind.Batch => Batch,
        _ => Other,
    };

    /// <summary>Counts by kind alone, as if every request had come on its own and cost nothing.</summary>
    public static RequestCounts Of(IEnumerable<RequestKind> kinds) => Of(kinds.Select(kind => new LoggedRequest("", "", 200, default) { Kind = kind }));

    public static RequestCounts Of(IEnumerable<LoggedRequest> requests)
    {
        var counts = new int[Enum.GetValues<RequestKind>().Length];
        int batched = 0, units = 0, throttled = 0;
        var throttles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            counts[(int)request.Kind]++;
            batched += request.InBatch ? 1 : 0;
            units += request.ResourceUnits;
            if (request.Status is 429 or 503)
            {
                throttled++;
                // Every envelope has the same path; what matters is whether one operation was throttled again.
                if (request.Kind == RequestKind.Batch) continue;
                var key = request.Method + " " + request.PathAndQuery;
                throttles[key] = throttles.GetValueOrDefault(key) + 1;
            }
        }

        int Of(RequestKind kind) => counts[(int)kind];
        return new(
            Of(RequestKind.Delta), Of(RequestKind.Items), Of(RequestKind.Item), Of(RequestKind.FieldsPatch),
            Of(RequestKind.List), Of(RequestKind.Site), Of(RequestKind.UserLookup), Of(RequestKind.Other),
            Of(RequestKind.Batch), batched, units, throttled, throttles.Count == 0 ? 0 : throttles.Values.Max());
    }
}
