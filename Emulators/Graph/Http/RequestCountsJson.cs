namespace Integration.Emulators.Graph.Http;

/// <summary>
/// The control API's shape for <see cref="RequestCounts"/>:
/// <c>{"total":n,"byKind":{"delta":n,…,"batch":n},"batched":n,"resourceUnits":n,"throttled":n,"mostThrottlesOfOneRequest":n}</c>.
/// Shared by the endpoint and <see cref="GraphStandInProcess"/>.
/// </summary>
internal sealed record RequestCountsJson(int Total, IReadOnlyDictionary<string, int> ByKind, int Batched, int ResourceUnits, int Throttled, int MostThrottlesOfOneRequest)
{
    public static RequestCountsJson From(RequestCounts counts) =>
        new(counts.Total, counts.ByKind, counts.Batched, counts.ResourceUnits, counts.Throttled, counts.MostThrottlesOfOneRequest);

    public RequestCounts ToCounts()
    {
        int Of(string kind) => ByKind.GetValueOrDefault(kind);
        return new(
            Of("delta"), Of("items"), Of("item"), Of("fieldsPatch"), Of("list"), Of("site"), Of("userLookup"), Of("other"),
            Of("batch"), Batched, ResourceUnits, Throttled, MostThrottlesOfOneRequest);
    }
}
