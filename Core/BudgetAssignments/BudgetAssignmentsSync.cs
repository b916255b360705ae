using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The budget assignments' night step: the source on the delta engine brings the cases into the
/// table, then the <see cref="BudgetAssignmentPublisher"/> brings the network's list in line with
/// the table, and the plan items that name an assignment are checked against it
/// (<see cref="PlanItemLinks"/>). A failed read throws before anything is published, so the list stays as it was.
/// Publishing holds the source's lease, as the read does, so two runs at once cannot both create
/// the item of a new assignment.
/// </summary>
public sealed class BudgetAssignmentsSync(BudgetAssignmentsSource source, DeltaSyncEngine engine, BudgetAssignmentPublisher publisher, PlanItemLinks links, SourceLocks locks) : ISourceSync
{
    private readonly DeltaSourceSync<CaseFeedItem, BudgetAssignment> _read = new(source, engine, []);

    public string Source => _read.Source;

    public bool IsConfigured => _read.IsConfigured;

    public string? MissingSetting => _read.MissingSetting;

    public async Task<SyncCounts> RunAsync(string runId, CancellationToken ct)
    {
        var counts = await _read.RunAsync(runId, ct);
        PublishCounts published;
        await using (await locks.AcquireAsync(Source, ct))
        {
            published = await publisher.PublishAsync(ct);
        }

        counts.Extra["published"] = published.Published;
        counts.Extra["overwritten"] = published.Overwritten;
        counts.Extra["duplicates"] = published.Duplicates;
        counts.Extra["withoutDeadline"] = published.WithoutDeadline;
        if (published.WithoutDeadline > 0) counts.Extra["warnings"] = published.WithoutDeadline;
        if (published.ProblemsWritten > 0) counts.Extra["problemsWritten"] = published.ProblemsWritten;
        if (published.ProblemsCleared > 0) counts.Extra["problemsCleared"] = published.ProblemsCleared;
        (await links.CheckAsync(ct)).AddTo(counts);
        return counts;
    }
}
