using Azure.Data.Tables;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;

namespace Integration.Core.Sync;

/// <summary>
/// A SharePoint source on the <see cref="DeltaSyncEngine"/>: where it reads, where it stores, and
/// how one run maps its items. The engine owns everything else (paging, digest, quarantine,
/// tombstones, checkpoints), so a new source is a mapping and its table actions.
/// </summary>
/// <typeparam name="TItem">What the feed yields.</typeparam>
/// <typeparam name="TRecord">What a valid item maps to.</typeparam>
public interface IDeltaSource<TItem, TRecord> where TItem : IFeedItem
{
    /// <summary>The source's name, as <see cref="SyncSources"/> has it.</summary>
    string Name { get; }

    /// <summary>The configured list or library (id or display name); empty when not configured.</summary>
    string? Reference { get; }

    /// <summary>
    /// A setting the source needs besides its list or library that is not set (another system it
    /// reads, say), or null. A source with one is skipped and reported as not configured, naming it.
    /// </summary>
    string? MissingSetting => null;

    IDeltaFeed<TItem> Feed { get; }

    /// <summary>Where the night writes, in Swedish, what is wrong with an item; null for a source that has no such column.</summary>
    IProblemColumn<TItem>? Problems => null;

    /// <summary>The table the rows go to; its rows carry <c>ContentHash</c> and <c>IsDeleted</c>.</summary>
    SourceTable Table { get; }

    /// <summary>State for one run; a new one per run so nothing leaks between runs.</summary>
    IDeltaSourceRun<TItem, TRecord> StartRun(string runId, string containerId);
}

/// <summary>One run of a source: the mapping and its hooks, called by the engine in this order.</summary>
public interface IDeltaSourceRun<TItem, TRecord> where TItem : IFeedItem
{
    /// <summary>Called as the feed starts (again after a 410), while its first page is on its way.</summary>
    Task BeginFeedAsync(bool fullSync, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Before a page's live items are mapped: fetch what mapping them needs, a page at a time.</summary>
    Task BeforePageAsync(IReadOnlyCollection<TItem> live, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Maps one live item, or gives the reason it goes to quarantine.</summary>
    ValueTask<SourceMapping<TRecord>> MapAsync(TItem item, CancellationToken ct);

    /// <summary>After a page is mapped, before it is compared with the digest: may act on the items and adjust them.</summary>
    Task<IReadOnlyList<TRecord>> AfterMapAsync(IReadOnlyList<TRecord> mapped, CancellationToken ct) => Task.FromResult(mapped);

    /// <summary>
    /// After the digest comparison, for the records about to be written (new or changed): work
    /// that only a change needs, such as downloading new content. Returns one outcome per record,
    /// in order: the record to write (it may carry more than before), why it goes to quarantine,
    /// or why it is deferred (<see cref="SourceMapping.Deferred{TRecord}"/>): left as it is and
    /// read again next night.
    /// </summary>
    Task<IReadOnlyList<SourceMapping<TRecord>>> ChangedAsync(IReadOnlyList<ChangedRecord<TRecord>> changed, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SourceMapping<TRecord>>>(changed.Select(c => SourceMapping.Valid(c.Record)).ToList());

    /// <summary>
    /// The data-problem column as this run reads it, where it needs the run's own state (a library's
    /// columns come with a read per file); null to use the source's <see cref="IDeltaSource{TItem, TRecord}.Problems"/>.
    /// </summary>
    IProblemColumn<TItem>? Problems => null;

    string IdOf(TRecord record);

    /// <summary>A hash of every synced column, in an unambiguous encoding.</summary>
    string HashOf(TRecord record);

    /// <summary>The write that brings the row in line: <paramref name="match"/> is never <see cref="DigestMatch.Same"/>.</summary>
    TableTransactionAction Write(TRecord record, string hash, DigestMatch match, DateTimeOffset now);

    /// <summary>
    /// The columns that mark a row deleted (with <c>IsDeleted = true</c>). The engine upserts them
    /// as a merge for every delete SharePoint reports, whatever the digest says: cheap, and
    /// harmless to repeat.
    /// </summary>
    TableEntity Tombstone(string id, DateTimeOffset now);
}

/// <summary>A record the digest found new or changed, with its hash and how it compared.</summary>
public readonly record struct ChangedRecord<TRecord>(TRecord Record, string Hash, DigestMatch Match);

/// <summary>
/// A mapped record, or why the item was refused, or why it waits for the next night (<see cref="Deferred"/>).
/// A refusal carries its Swedish text for the item (<see cref="Text"/>); a record may carry warnings:
/// things wrong with the item that do not keep it out, written to the item all the same.
/// </summary>
public readonly record struct SourceMapping<TRecord>(
    TRecord? Record, string? Reason, bool Deferred = false, ItemProblem? Problem = null, IReadOnlyList<ItemProblem>? Warnings = null)
{
    /// <summary>What the item's data-problem column should say after this outcome; empty when nothing is wrong.</summary>
    public string ProblemText => Record is null
        ? Problem?.Text ?? ItemProblem.GenericText
        : Warnings is { Count: > 0 } warnings ? ItemProblem.Join(warnings) : "";

    /// <summary>Whether the item's owner is told of its problem personally: not when the owner is the problem.</summary>
    public bool TellOwner => Problem?.AboutOwner != true && Warnings?.Any(w => w.AboutOwner) != true;
}

public static class SourceMapping
{
    public static SourceMapping<TRecord> Valid<TRecord>(TRecord record) => new(record, null);

    /// <summary>A record taken in, with what is wrong with it all the same (none: <see cref="Valid{TRecord}(TRecord)"/>).</summary>
    public static SourceMapping<TRecord> Valid<TRecord>(TRecord record, IReadOnlyList<ItemProblem> warnings) =>
        new(record, null, Warnings: warnings.Count == 0 ? null : warnings);

    /// <summary>An item refused for a reason no catalogue has Swedish words for: the item's column gets <see cref="ItemProblem.GenericText"/>.</summary>
    public static SourceMapping<TRecord> Rejected<TRecord>(string reason) => new(default, reason);

    /// <summary>An item refused: the English reason goes to quarantine, the Swedish text to the item.</summary>
    public static SourceMapping<TRecord> Rejected<TRecord>(ItemProblem problem) => new(default, problem.Reason, Problem: problem);

    /// <summary>
    /// An outcome of <see cref="IDeltaSourceRun{TItem, TRecord}.ChangedAsync"/>: the item is not taken
    /// this night, nor refused, because SharePoint is not ready to give it (a file still being uploaded, say). Nothing is written for it, and the night's delta link is not saved, so the next
    /// night reads it again.
    /// </summary>
    public static SourceMapping<TRecord> Deferred<TRecord>(string reason) => new(default, reason, Deferred: true);
}
