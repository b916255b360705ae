namespace Integration.Core.Sync.Problems;

/// <summary>
/// Warnings another feature adds to a source's valid records, from what that feature knows (a plan
/// item under a budget assignment the case system does not have, say). The engine asks each one
/// registered for the source, so the warning is written on the item, cleared and told like the
/// source's own, and the feature that knows stays the one that says it: leaving that feature out
/// of <c>AddIntegration</c> leaves its warnings out. One instance serves one run.
/// </summary>
public interface IRecordWarnings<in TRecord>
{
    /// <summary>The source whose records it looks at, as <see cref="SyncSources"/> names it.</summary>
    string Source { get; }

    /// <summary>
    /// What is wrong with a valid record; none when nothing is. What the check needs is read at the
    /// first record that needs it, so a night whose records need nothing reads nothing more.
    /// </summary>
    ValueTask<IReadOnlyList<ItemProblem>> CheckAsync(TRecord record, CancellationToken ct);
}
