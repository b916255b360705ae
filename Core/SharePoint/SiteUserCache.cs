using System.Collections.Concurrent;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.SharePoint;

/// <summary>
/// Person lookups. Many items share an owner and owners rarely change address, so a lookup id
/// is looked up in Graph at most once per run, and its email is kept in the SiteUsers table for
/// a week: a night with a few changed items costs no Graph call for owners already known.
/// Users without an email are not kept, so a fixed account is picked up the next time.
/// </summary>
public sealed class SiteUserCache(SharePointLists lists, IntegrationStorage storage, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    private const string Partition = "site-users";
    private readonly ConcurrentDictionary<string, Lazy<Task<SiteUser?>>> _users = new();

    public Task<SiteUser?> GetAsync(string lookupId, CancellationToken ct) =>
        _users.GetOrAdd(lookupId, id => new Lazy<Task<SiteUser?>>(() => LoadAsync(id, ct))).Value;

    /// <summary>Fetches the ids not yet known, a few at a time, so a page's owners arrive together.</summary>
    public Task PrefetchAsync(IEnumerable<string> lookupIds, CancellationToken ct) =>
        Parallel.ForEachAsync(lookupIds.Distinct().Where(id => !_users.ContainsKey(id)),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (id, token) => await GetAsync(id, token));

    private async Task<SiteUser?> LoadAsync(string lookupId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SiteUsers, ct);
        var rowKey = TableKeys.Escape(lookupId);
        var cached = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: ct);
        if (cached.HasValue && cached.Value is { } row
            && row.GetDateTimeOffset("FetchedAt") is { } fetched && time.GetUtcNow() - fetched < MaxAge)
        {
            return new SiteUser(lookupId, row.GetString("Email"));
        }

        var user = await lists.GetSiteUserAsync(lookupId, ct);
        if (user?.Email is not null)
        {
            await table.UpsertEntityAsync(new TableEntity(Partition, rowKey)
            {
                ["Email"] = user.Email,
                ["FetchedAt"] = time.GetUtcNow(),
            }, TableUpdateMode.Replace, ct);
        }

        return user;
    }
}
