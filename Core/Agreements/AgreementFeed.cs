using System.Runtime.CompilerServices;
using Integration.Core.Enterprises;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Agreements;

/// <summary>
/// The agreements list's delta, preceded by the agreements that waited for their enterprise and whose
/// enterprise is in the register now. An agreement refused for its enterprise alone is not edited when
/// the enterprise is corrected, so delta would never bring it again: the <c>waiting</c> partition
/// remembers it, and this feed reads it again by id on every night until it is taken in. The sources
/// of a night run side by side, so an enterprise corrected tonight may be stored after the agreements
/// ran: its agreements come in on the next night at the latest. Each item's Quarantine copy is masked
/// (<see cref="MaskedListItem"/>): a sole trader's number may be typed into an agreement too.
/// </summary>
public sealed class AgreementFeed(SharePointLists lists, AgreementStore store, Func<EnterpriseLookup> lookup, IReadOnlyCollection<string> fields) : IDeltaFeed<MaskedListItem>
{
    public string Kind => "list";

    public Task<string> ResolveAsync(string reference, CancellationToken ct) => lists.ResolveListIdAsync(reference, ct);

    public async IAsyncEnumerable<FeedPage<MaskedListItem>> ReadAsync(string containerId, string? deltaLink, [EnumeratorCancellation] CancellationToken ct)
    {
        // One query a night, and nothing more while nothing waits.
        var waiting = await store.LoadWaitingAsync(ct);
        if (waiting.Count > 0)
        {
            var enterprises = lookup();
            var released = new List<MaskedListItem>();
            var gone = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (agreementId, enterpriseId) in waiting)
            {
                if (await enterprises.StateAsync(enterpriseId, ct) != EnterpriseState.Valid) continue;
                if (await lists.GetItemAsync(containerId, agreementId, fields, ct) is { } item) released.Add(new MaskedListItem(item));
                else gone[agreementId] = null;
            }

            await store.SaveWaitingAsync(gone, ct);
            if (released.Count > 0) yield return new FeedPage<MaskedListItem>(released, null);
        }

        await foreach (var page in lists.ReadDeltaAsync(containerId, deltaLink, fields, ct))
        {
            yield return new FeedPage<MaskedListItem>([.. page.Items.Select(i => new MaskedListItem(i))], page.DeltaLink);
        }
    }
}
