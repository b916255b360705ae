using System.Collections.Concurrent;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.SharePoint;

/// <summary>
/// Person lookups for one run. Owners rarely change address, so what the User Information List
/// says of each (its email, or that it has none) is kept in the SiteUsers table for a week and
/// read back in one query at the start of a run; a night with a few changed items then costs no
/// Graph call for owners already known. A full sync lists the whole User Information List in
/// pages instead of asking for each owner. After the overdue scan the table is pruned to the people
/// the plan items name (<see cref="PruneAsync"/>); nobody else's address is kept, and of the others
/// only the fresh word that they have none.
/// </summary>
public sealed class SiteUserCache(SharePointLists lists, IntegrationStorage storage, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, Lazy<Task<SiteUser?>>> _users = new();

    public Task<SiteUser?> GetAsync(string lookupId, CancellationToken ct) =>
        _users.GetOrAdd(lookupId, id => new Lazy<Task<SiteUser?>>(() => FetchAsync(id, ct))).Value;

    /// <summary>Fetches the ids not yet known, a few at a time, so a page's owners arrive together.</summary>
    public Task PrefetchAsync(IEnumerable<string> lookupIds, CancellationToken ct) =>
        Parallel.ForEachAsync(lookupIds.Distinct().Where(id => !_users.ContainsKey(id)),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (id, token) => await GetAsync(id, token));

    /// <summary>Takes every user kept in the table and still fresh: one query.</summary>
    public async Task LoadKnownAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SiteUsers, ct);
        var freshSince = time.GetUtcNow() - MaxAge;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            if (row.GetDateTimeOffset("FetchedAt") is { } fetched && fetched > freshSince)
            {
                Remember(new SiteUser(row.GetString("LookupId") ?? row.RowKey, row.GetString("Email")));
            }
        }
    }

    /// <summary>Lists the whole User Information List and keeps it, in batch writes.</summary>
    public async Task LoadAllAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SiteUsers, ct);
        var batch = new List<TableTransactionAction>(TableBatch.MaxActions);
        await foreach (var user in lists.ListSiteUsersAsync(ct))
        {
            Remember(user);
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(user)));
            if (batch.Count == TableBatch.MaxActions)
            {
                await TableBatch.SubmitAsync(table, batch, ct);
                batch.Clear();
            }
        }

        await TableBatch.SubmitAsync(table, batch, ct);
    }

    /// <summary>
    /// Deletes the kept users whose lookup id is not in <paramref name="named"/>; returns how many.
    /// A person deleted here and named again later is read from Graph again, as a new owner is.
    /// A person without an address is kept while fresh: the row holds nothing personal, and their items
    /// are in quarantine (no row names them), so deleting it would cost a Graph call on every night one
    /// of those items changes.
    /// </summary>
    public static async Task<int> PruneAsync(IntegrationStorage storage, IReadOnlySet<string> named, DateTimeOffset now, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SiteUsers, ct);
        var gone = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey", "LookupId", "Email", "FetchedAt"], cancellationToken: ct))
        {
            if (named.Contains(row.GetString("LookupId") ?? row.RowKey)) continue;
            var withoutAddress = string.IsNullOrEmpty(row.GetString("Email"));
            if (withoutAddress && row.GetDateTimeOffset("FetchedAt") is { } fetched && now - fetched <= MaxAge) continue;
            gone.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, row.RowKey), Azure.ETag.All));
        }

        await TableBatch.SubmitAsync(table, gone, ct);
        return gone.Count;
    }

    /// <summary>
    /// Whether the kept users are due a pruning: never pruned, pruned more than <see cref="MaxAge"/> ago,
    /// or a user was read from Graph since (a new owner, or a full sync that listed every user). One point
    /// read and a query that a quiet night answers with nothing.
    /// </summary>
    public static async Task<bool> PruningDueAsync(IntegrationStorage storage, DateTimeOffset now, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SiteUsers, ct);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(StatePartition, PrunedRow, cancellationToken: ct);
        if (!marker.HasValue || marker.Value!.GetDateTimeOffset(PrunedAtColumn) is not { } pruned || now - pruned > MaxAge) return true;
        // FetchedAt, not the row's Timestamp: both it and the marker are the app's clock.
        var fetchedSince = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and FetchedAt gt {pruned}");
        await foreach (var _ in table.QueryAsync<TableEntity>(fetchedSince, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct)) return true;
        return false;
    }

    /// <summary>Records when the kept users were last pruned.</summary>
    public static async Task MarkPrunedAsync(IntegrationStorage storage, DateTimeOffset at, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.SiteUsers, ct);
        await table.UpsertEntityAsync(new TableEntity(StatePartition, PrunedRow) { [PrunedAtColumn] = at }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The partition of the kept users; the record of the last pruning is beside it.</summary>
    internal const string Partition = "site-users";
    internal const string StatePartition = "state";
    internal const string PrunedRow = "pruned";
    private const string PrunedAtColumn = "PrunedAt";

    private void Remember(SiteUser user) =>
        _users[user.LookupId] = new Lazy<Task<SiteUser?>>(Task.FromResult<SiteUser?>(user));

    private async Task<SiteUser?> FetchAsync(string lookupId, CancellationToken ct)
    {
        var user = await lists.GetSiteUserAsync(lookupId, ct);
        if (user is not null)
        {
            var table = await storage.TableAsync(TableNames.SiteUsers, ct);
            await table.UpsertEntityAsync(ToRow(user), TableUpdateMode.Replace, ct);
        }

        return user;
    }

    private TableEntity ToRow(SiteUser user) => new(Partition, TableKeys.Escape(user.LookupId))
    {
        ["LookupId"] = user.LookupId,
        ["Email"] = user.Email,
        ["FetchedAt"] = time.GetUtcNow(),
    };
}
