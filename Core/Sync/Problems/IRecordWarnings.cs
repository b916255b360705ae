namespace Integration.Core.Sync.Problems;

/// <summary>
/// Warnings another feature adds to a source's valid records, from what that feature knows (a plan
/// item under a budget assignment the case system does not have, say). The engine asks each one
/// registered for the source, so the warning is written on the item, cleared and told like the
/// source's own, and the feature that knows stays the one that says it: leaving that feature out
/// of <c>AddIntegration</c> leaves its warnings out.
/// </summary>
public interface IRecordWarnings<in TRecord>
{
    /// <summary>The source whose records it looks at, as <see cref="SyncSources"/> names it.</summary>
    string Source { get; }

    /// <summary>Once a run, before its first record: read what the checks need.</summary>
    Task PrepareAsync(CancellationToken ct);

    /// <summary>What is wrong with a valid record; none when nothing is.</summary>
    IReadOnlyList<ItemProblem> Check(TRecord record);
}
