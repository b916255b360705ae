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
/// <see cref="FullReadInterval"/>: the engine then tombstones cases that left the filter. The case
/// system's page count is not taken on trust: a read stops at a page that repeats the one before,
/// at an empty page that says more follow, and after <paramref name="maxPages"/> pages.
/// </summary>
/// <param name="maxPages">The most pages a night reads (<c>CaseSystem__BudgetAssignments__MaxPages</c>).</param>
public sealed class CaseDeltaFeed(ICaseSystem caseSystem, int pageSize, int maxPages, TimeProvider time) : IDeltaFeed<CaseFeedItem>
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FullReadInterval = TimeSpan.FromDays(7);

    public string Kind => "case type";

    /// <summary>A case type is its own id: the configured value is what GetCases is asked for.</summary>
    public Task<string> ResolveAsync(string reference, CancellationToken ct) => Task.FromResult(reference.Trim());

    /// <exception cref="DeltaResyncRequiredException">The link is unreadable, or the last full read is due again.</exception>
    /// <exception cref="FeedLoopException">The case system's paging would never end.</exception>
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
        List<string>? previous = null;
        await foreach (var page in caseSystem.GetCasesAsync(containerId, link?.Since, pageSize, ct))
        {
            previous = CheckPaging(containerId, page, previous);
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

    /// <summary>
    /// Stops a read the case system would keep going. Cases saved during the read may shift the
    /// pages by a case or two, but an honest answer never repeats the whole page before it (the
    /// query ignores its page number) and never comes back empty while its own count says more
    /// follow; past <c>maxPages</c> pages the count is not believed either.
    /// </summary>
    /// <returns>The page's case numbers, to compare the next page with.</returns>
    private List<string> CheckPaging(string caseType, CasePage page, List<string>? previous)
    {
        var numbers = page.Cases.Select(c => c.CaseNumber).ToList();
        var more = page.PageIndex + 1 < page.PageCount;
        if (previous is { Count: > 0 } && numbers.SequenceEqual(previous, StringComparer.Ordinal))
        {
            throw Stopped($"the case system answered page {page.PageIndex} of case type {caseType} with the same cases as page {page.PageIndex - 1}: it does not page (GetCases ignores Page)");
        }

        if (more && numbers.Count == 0)
        {
            throw Stopped($"the case system answered page {page.PageIndex} of case type {caseType} with no cases, yet a TotalPageCount of {page.PageCount}: its page count cannot be trusted");
        }

        if (more && page.PageIndex + 1 >= maxPages)
        {
            throw Stopped(
                $"the read of case type {caseType} reached {maxPages} pages and the case system's TotalPageCount ({page.PageCount}) still says more follow",
                $" If the case type really has more than {maxPages} pages of CaseSystem__BudgetAssignments__PageSize cases, raise CaseSystem__BudgetAssignments__MaxPages (now {maxPages}).");
        }

        return numbers;
    }

    private static FeedLoopException Stopped(string what, string advice = " The next night reads again from the last checkpoint.") =>
        new($"{char.ToUpperInvariant(what[0])}{what[1..]}, so the read stopped and nothing was checkpointed.{advice}");
}
