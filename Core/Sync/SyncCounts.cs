namespace Integration.Core.Sync;

/// <summary>
/// What one source's sync did. Every item read ends in exactly one bucket, so
/// <c>Read = Created + Updated + Unchanged + Deleted + Quarantined</c> always holds.
/// </summary>
public sealed class SyncCounts
{
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
    public int Quarantined { get; set; }

    /// <summary>The counts as a step records them (camelCase names, as the run summary prints them).</summary>
    public IReadOnlyDictionary<string, int> ToDictionary() => new Dictionary<string, int>
    {
        ["read"] = Read,
        ["created"] = Created,
        ["updated"] = Updated,
        ["unchanged"] = Unchanged,
        ["deleted"] = Deleted,
        ["quarantined"] = Quarantined,
    };

    public static SyncCounts From(IReadOnlyDictionary<string, int> counts)
    {
        int N(string name) => counts.TryGetValue(name, out var value) ? value : 0;
        return new SyncCounts
        {
            Read = N("read"),
            Created = N("created"),
            Updated = N("updated"),
            Unchanged = N("unchanged"),
            Deleted = N("deleted"),
            Quarantined = N("quarantined"),
        };
    }
}
