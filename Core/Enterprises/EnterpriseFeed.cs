using System.Runtime.CompilerServices;
using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Enterprises;

/// <summary>
/// The enterprise list's delta, with each page completed by the items it concerns through their
/// numbers. A duplicate is a relation between two items, and delta brings only the one that changed:
/// so the feed keeps which item holds which number (<see cref="EnterpriseStore.HoldersPartition"/>),
/// and reads again, by id, every other item that holds a number a page's items hold or held. That
/// puts both halves of a new duplicate in quarantine in the night one of them appears, and takes the
/// survivor in the night its twin is corrected or deleted, without an edit of its own. An item read
/// again counts as read; the digest finds one whose outcome did not change unchanged, and writes
/// nothing for it.
/// <para>
/// The holders are kept as SharePoint has them, before the page is stored: a run that fails reads the
/// same items again, so they never run ahead of what the next run sees. A full read starts from none
/// and drops, at its end, the holders of items it did not see.
/// </para>
/// <para>
/// The partition records how its keys were made (<paramref name="keying"/>, see <see cref="NumberKeying"/>).
/// A delta read that finds it keyed otherwise (rows from before the keyed HMAC, a new key, a changed
/// <c>Enterprises__AllowPersonalIdentityNumbers</c>) asks for a full read instead, whose keys replace
/// every old one; only then is the new keying recorded. So an old key never meets a new one: no
/// duplicate is missed and none is made up.
/// </para>
/// </summary>
public sealed class EnterpriseFeed(SharePointLists lists, EnterpriseStore store, EnterpriseMapper mapper, string keying, Func<DateOnly> today) : IDeltaFeed<EnterpriseItem>
{
    public string Kind => "list";

    public Task<string> ResolveAsync(string reference, CancellationToken ct) => lists.ResolveListIdAsync(reference, ct);

    public async IAsyncEnumerable<FeedPage<EnterpriseItem>> ReadAsync(string containerId, string? deltaLink, [EnumeratorCancellation] CancellationToken ct)
    {
        var day = today();
        var fullSync = deltaLink is null;
        Dictionary<string, string>? stored = null;
        string? keyedWith = null;
        NumberHolders? holders = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        await foreach (var page in lists.ReadDeltaAsync(containerId, deltaLink, mapper.Fields, ct))
        {
            if (page.Items.Count == 0)
            {
                yield return new FeedPage<EnterpriseItem>([], page.DeltaLink);
                continue;
            }

            // Read at the first page with an item, so a quiet night does not touch the table.
            if (stored is null)
            {
                (stored, keyedWith) = await LoadAsync(ct);
                if (!fullSync && keyedWith != keying)
                {
                    throw new DeltaResyncRequiredException(
                        $"The number-holders partition is keyed as '{keyedWith ?? "before keyed HMACs"}', not '{keying}': the whole list is read to key it again.");
                }
            }

            holders ??= new NumberHolders(fullSync ? [] : stored);
            var items = await KeyPageAsync(containerId, page.Items, stored, holders, seen, day, ct);
            yield return new FeedPage<EnterpriseItem>(items, page.DeltaLink);
        }

        // A full read saw every item there is: a holder it did not see was deleted meanwhile. Every
        // key is now made the current way.
        if (fullSync)
        {
            if (stored is null) (stored, keyedWith) = await LoadAsync(ct);
            var gone = stored.Keys.Where(id => !seen.Contains(id)).ToList();
            if (gone.Count > 0) await store.SaveHoldersAsync(stored, new Dictionary<string, string>(), gone, ct);
            if (keyedWith != keying) await store.SaveKeyingAsync(keying, ct);
        }
    }

    /// <summary>
    /// Keys a page's items, reads again every other holder of the numbers the page touches (they go
    /// through the page with it), and saves the holders before the page is handed on.
    /// </summary>
    private async Task<List<EnterpriseItem>> KeyPageAsync(
        string containerId, IReadOnlyList<SharePointItem> pageItems, Dictionary<string, string> stored, NumberHolders holders, HashSet<string> seen, DateOnly day, CancellationToken ct)
    {
        var latest = new Dictionary<string, SharePointItem>(StringComparer.Ordinal);
        foreach (var item in pageItems) latest[item.Id] = item;

        // The numbers this page touches: each item's number before, and now.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, item) in latest)
        {
            seen.Add(id);
            if (holders.KeyOf(id) is { } before) touched.Add(before);
            var key = item.Deleted || item.Unreadable is not null ? null : mapper.KeyOf(item, day);
            holders.Set(id, key);
            if (key is not null) touched.Add(key);
        }

        // Every other holder of those numbers is read again and goes through the page with them.
        var companions = touched.SelectMany(k => holders.HoldersOf(k, except: "")).Where(id => !latest.ContainsKey(id)).Distinct().ToList();
        foreach (var id in companions)
        {
            var item = await lists.GetItemAsync(containerId, id, mapper.Fields, ct);
            holders.Set(id, item is null || item.Unreadable is not null ? null : mapper.KeyOf(item, day));
            if (item is not null) latest[id] = item;
        }

        await store.SaveHoldersAsync(stored, holders.Claims, latest.Keys.Concat(companions), ct);
        foreach (var id in latest.Keys.Concat(companions)) Remember(stored, id, holders.KeyOf(id));

        return latest.Values
            .Select(i => new EnterpriseItem(i, holders.KeyOf(i.Id) is { } key ? holders.HoldersOf(key, except: i.Id) : [], day))
            .ToList();
    }

    /// <summary>The holders, and how they were keyed; with no record of that, rows from before are rid of the whole numbers they kept.</summary>
    private async Task<(Dictionary<string, string> Holders, string? Keying)> LoadAsync(CancellationToken ct)
    {
        var loaded = await store.LoadHoldersAsync(ct);
        if (loaded.Keying is null) await store.EmptyLegacyNumbersAsync(ct);
        return loaded;
    }

    private static void Remember(Dictionary<string, string> stored, string id, string? key)
    {
        if (key is null) stored.Remove(id);
        else stored[id] = key;
    }
}
