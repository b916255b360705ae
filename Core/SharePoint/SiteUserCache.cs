using System.Collections.Concurrent;

namespace Integration.Core.SharePoint;

/// <summary>
/// Person lookups for one run. Many items share an owner, so each lookup id costs one Graph
/// call per run at most; a new run starts empty, so renamed accounts are picked up nightly.
/// </summary>
public sealed class SiteUserCache(SharePointLists lists)
{
    private readonly ConcurrentDictionary<string, Task<SiteUser?>> _users = new();

    public Task<SiteUser?> GetAsync(string lookupId, CancellationToken ct) =>
        _users.GetOrAdd(lookupId, id => lists.GetSiteUserAsync(id, ct));

    /// <summary>Fetches the ids not yet known, a few at a time, so a page's owners arrive together.</summary>
    public Task PrefetchAsync(IEnumerable<string> lookupIds, CancellationToken ct) =>
        Parallel.ForEachAsync(lookupIds.Distinct().Where(id => !_users.ContainsKey(id)),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (id, token) => await GetAsync(id, token));
}
