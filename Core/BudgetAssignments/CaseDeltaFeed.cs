using System.Runtime.CompilerServices;
using Integration.Core.CaseSystem;
using Integration.Core.Sync;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The cases of one case type as a delta feed, over <see cref="ICaseSystem.GetCasesAsync"/>. The
/// case system has no delta token, so the link is a <see cref="CaseDeltaLink"/>: the next read asks
/// for cases changed since the newest change seen, less <see cref="Overlap"/> (a case saved while
/// the night read is not missed; what is read twice is found unchanged in the digest). GetCases
/// reports no deletions, so a full read is forced when the last one is older than
/// <see cref="FullReadInterval"/>: the engine then tombstones cases that left the filter.
/// </summary>
public sealed class CaseDeltaFeed(ICaseSystem caseSystem, int pageSize, TimeProvider time) : IDeltaFeed<CaseFeedItem>
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FullReadInterval = TimeSpan.FromDays(7);

    public string Kind => "case type";

    /// <summary>A case type is its own id: the configured value is what GetCases is asked for.</summary>
    public Task<string> ResolveAsync(string reference, CancellationToken ct) => Task.FromResult(reference.Trim());

    /// <exception cref="DeltaResyncRequiredException">The link is unreadable, or the last full read is due again.</exception>
    public async IAsyncEnumerable<FeedPage<CaseFeedItem>> ReadAsync(string containerId, string? deltaLink, [EnumeratorCancellation] CancellationToken ct)
    {
        var start = time.GetUtcNow();
        CaseDeltaLink? link = null;
        if (deltaLink is not null)
        {
            if (!CaseDeltaLink.TryParse(deltaLink, out link))
            {
                throw new DeltaResyncRequiredException("The saved checkpoint is not one this version reads.");
            }

            if (start - link.FullReadAt > FullReadInterval)
            {
                throw new DeltaResyncRequiredException($"The last full read of the cases was at {link.FullReadAt:u}; one is due every {FullReadInterval.TotalDays:0} days so that cases that left the filter are noticed.");
            }
        }

        DateTimeOffset? newest = null;
        await foreach (var page in caseSystem.GetCasesAsync(containerId, link?.Since, pageSize, ct))
        {
            foreach (var found in page.Cases)
            {
                if (found.LastChanged is { } changed && (newest is null || changed > newest)) newest = changed;
            }

            yield return new FeedPage<CaseFeedItem>(page.Cases.Select(c => new CaseFeedItem(c)).ToList(), null);
        }

        // Never moves back: a read that saw nothing newer keeps its LastDate, so a quiet night hands
        // back the link it started from and the engine saves nothing.
        var since = newest is { } seen ? seen - Overlap : link?.Since ?? start - Overlap;
        if (link is not null && link.Since > since) since = link.Since;
        yield return new FeedPage<CaseFeedItem>([], new CaseDeltaLink(since, link?.FullReadAt ?? start).ToString());
    }
}
