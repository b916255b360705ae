namespace Integration.Functions.Tests.Hostile;

/// <summary>Where a hostile item must end after the run.</summary>
public enum Outcome
{
    /// <summary>A live row (not deleted, not in quarantine), with the values the case expects.</summary>
    Created,

    /// <summary>A Quarantine row whose reason holds the case's detail; no live row acts on it.</summary>
    Quarantined,

    /// <summary>A tombstone: the row is there, marked deleted.</summary>
    Deleted,

    /// <summary>No live row and no Quarantine row: nothing to act on.</summary>
    Ignored,
}

/// <summary>The bucket of the run summary an occurrence of the item in the delta feed lands in.</summary>
public enum Bucket
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    Quarantined,
}

/// <summary>
/// What happens to the item in SharePoint around the measured sync. A family with any case that
/// needs an earlier state runs a baseline sync (and scan) first; every other case is added after it.
/// </summary>
public enum Lifecycle
{
    /// <summary>Added before the measured sync.</summary>
    New,

    /// <summary>Added and deleted again before the first sync ever ran.</summary>
    DeletedBeforeFirstSync,

    /// <summary>Added after the baseline sync and deleted before the measured one: a delete of an item never seen.</summary>
    AddedThenDeletedBetweenSyncs,

    /// <summary>Taken in by the baseline sync (stored or quarantined) and left as it is.</summary>
    StoredUntouched,

    /// <summary>Taken in by the baseline sync, then edited with <see cref="HostileCase.Edit"/>.</summary>
    StoredThenEdited,

    /// <summary>Taken in by the baseline sync (stored or quarantined), then deleted.</summary>
    StoredThenDeleted,
}

/// <summary>
/// One hostile plan item: the columns it is seeded with, what must become of it, and the detail
/// that matters. For <see cref="Outcome.Created"/>, <see cref="Expect"/> lists stored columns and their
/// exact values (a null value means the column must read back empty); the title is always compared
/// byte for byte with the seeded one unless <see cref="Expect"/> names it. For
/// <see cref="Outcome.Quarantined"/>, <see cref="Detail"/> is a substring of the reason.
/// </summary>
public sealed record HostileCase(string Name, IReadOnlyDictionary<string, object?> Fields, Outcome Outcome, string? Detail = null)
{
    public Lifecycle Lifecycle { get; init; } = Lifecycle.New;

    /// <summary>The measured delta sends the item twice, first and last, as SharePoint sometimes does.</summary>
    public bool Repeated { get; init; }

    /// <summary>Columns changed after the baseline sync, for <see cref="Lifecycle.StoredThenEdited"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Edit { get; init; }

    /// <summary>Stored columns and their exact expected values (Created, or the kept content of a tombstone).</summary>
    public Dictionary<string, string?> Expect { get; init; } = [];

    /// <summary>
    /// Instead of <see cref="Detail"/>: the reason must contain at least one of these, for a
    /// requirement that several wordings meet (say, that an invisible difference is named).
    /// </summary>
    public IReadOnlyList<string>? DetailAnyOf { get; init; }

    /// <summary>A substring of the Quarantine row's raw payload.</summary>
    public string? RawPayloadContains { get; init; }

    /// <summary>
    /// The summary buckets the item's occurrences in the measured delta land in, one entry per
    /// occurrence; by default one occurrence in the bucket of its outcome (none when ignored).
    /// </summary>
    public IReadOnlyList<Bucket>? Counted { get; init; }

    public IReadOnlyList<Bucket> Occurrences => Counted ?? Outcome switch
    {
        Outcome.Created => [Bucket.Created],
        Outcome.Quarantined => [Bucket.Quarantined],
        Outcome.Deleted => [Bucket.Deleted],
        _ => [],
    };

    /// <summary>The item exists in SharePoint before the baseline sync.</summary>
    public bool InBaseline => Lifecycle is Lifecycle.StoredUntouched or Lifecycle.StoredThenEdited or Lifecycle.StoredThenDeleted;

    public override string ToString() => Name;
}

/// <summary>The seeded users' lookup ids in the stand-in's User Information List.</summary>
public sealed record HostileUsers(int Anna, int Omar, int NoEmail);
