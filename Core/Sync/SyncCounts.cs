namespace Integration.Core.Sync;

/// <summary>
/// What one source's sync did. Every item read ends in exactly one bucket, so
/// <c>Read = Created + Updated + Unchanged + Deleted + Quarantined + Deferred</c> always holds.
/// </summary>
public sealed class SyncCounts
{
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
    public int Quarantined { get; set; }

    /// <summary>
    /// Items left for the next night (<see cref="SourceMapping.Deferred{TRecord}"/>). Kept with the
    /// extra counts, as <c>deferred</c>, and only when there are any: a night without shows the six
    /// as before. Unlike the other extra counts it is part of the reconciliation.
    /// </summary>
    public int Deferred
    {
        get => Extra.GetValueOrDefault(DeferredName);
        set
        {
            if (value == 0) Extra.Remove(DeferredName);
            else Extra[DeferredName] = value;
        }
    }

    private const string DeferredName = "deferred";

    /// <summary>
    /// Counts a source adds to the six (a publisher's <c>published</c>, say), recorded with them;
    /// they are outside the reconciliation, but for <see cref="Deferred"/>.
    /// </summary>
    public Dictionary<string, int> Extra { get; } = [];

    /// <summary>
    /// Item ids a source reports by name (plan items whose budget assignment is unknown, say),
    /// recorded with the counts so the run summary and <c>status</c> can name them.
    /// </summary>
    public Dictionary<string, IReadOnlyList<string>> Ids { get; } = [];

    /// <summary>
    /// A sentence the step records beside its counts (a part of the step that was skipped, say);
    /// null when the counts say it all.
    /// </summary>
    public string? Detail { get; set; }

    /// <summary>The counts as a step records them (camelCase names, as the run summary prints them).</summary>
    public IReadOnlyDictionary<string, int> ToDictionary()
    {
        var counts = new Dictionary<string, int>(Extra)
        {
            ["read"] = Read,
            ["created"] = Created,
            ["updated"] = Updated,
            ["unchanged"] = Unchanged,
            ["deleted"] = Deleted,
            ["quarantined"] = Quarantined,
        };
        return counts;
    }

    private static readonly HashSet<string> Fixed = ["read", "created", "updated", "unchanged", "deleted", "quarantined"];

    public static SyncCounts From(IReadOnlyDictionary<string, int> counts)
    {
        int N(string name) => counts.TryGetValue(name, out var value) ? value : 0;
        var result = new SyncCounts
        {
            Read = N("read"),
            Created = N("created"),
            Updated = N("updated"),
            Unchanged = N("unchanged"),
            Deleted = N("deleted"),
            Quarantined = N("quarantined"),
        };
        foreach (var (name, value) in counts)
        {
            if (!Fixed.Contains(name)) result.Extra[name] = value;
        }

        return result;
    }
}
