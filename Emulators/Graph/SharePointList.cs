using System.Text.Json;

namespace Integration.Emulators.Graph;

/// <summary>
/// A SharePoint list: items with integer ids (1, 2, 3… never reused), versions, and a change sequence
/// that drives delta. Thread-safe: tests seed and edit while clients read.
/// </summary>
public sealed partial class SharePointList
{
    private readonly Lock gate = new();
    // By id, tombstones included: ids are never reused and a deleted id must still answer "deleted".
    private readonly SortedList<int, ListItemRecord> items = [];
    private readonly ChangeLog changes = new();
    private readonly List<int> pendingRepeats = [];
    // Columns added by a test as a list owner adds them, and those implied by the fields items have carried.
    private readonly List<ListColumn> declared = [];
    private readonly List<ListColumn> carried = [];
    private readonly HashSet<string> carriedFields = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private int nextId = 1;
    private long sequence;
    private int deltaEpoch;
    private int liveCount;
    private DateTimeOffset lastModified;

    internal SharePointList(
        SharePointSite site, Guid id, string displayName, string urlName, string webUrl, ListKind kind, TimeProvider clock)
    {
        Site = site;
        Guid = id;
        DisplayName = displayName;
        UrlName = urlName;
        WebUrl = webUrl;
        Kind = kind;
        ContentTypeId = "0x0100" + id.ToString("N").ToUpperInvariant();
        this.clock = clock;
        Created = clock.GetUtcNow();
        lastModified = Created;
    }

    /// <summary>The list's GUID, lower case, as Graph gives it.</summary>
    public string Id => Guid.ToString();

    public string DisplayName { get; }

    /// <summary>Items that exist now (tombstones not counted).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return liveCount;
            }
        }
    }

    internal SharePointSite Site { get; }

    internal ListKind Kind { get; }

    internal Guid Guid { get; }

    internal string UrlName { get; }

    internal string WebUrl { get; }

    internal bool Hidden => Kind.Hidden;

    internal string Template => Kind.Template;

    internal string ContentTypeName => Kind.ContentTypeName;

    internal string ContentTypeId { get; }

    internal DateTimeOffset Created { get; }

    internal DateTimeOffset LastModified
    {
        get
        {
            lock (gate)
            {
                return lastModified;
            }
        }
    }

    internal int DeltaEpoch
    {
        get
        {
            lock (gate)
            {
                return deltaEpoch;
            }
        }
    }

    internal long LatestSequence
    {
        get
        {
            lock (gate)
            {
                return sequence;
            }
        }
    }

    /// <summary>
    /// The list's columns as <c>GET …/columns</c> lists them: the built-in first column(s) (Title), the
    /// declared ones, then one for each field an item has ever carried and no declared column covers
    /// (<c>XLookupId</c> gives the person column X), then SharePoint's own (ID, Created, Author, …,
    /// some hidden). A declared column is listed even when no item has a value in it.
    /// </summary>
    public IReadOnlyList<ListColumn> Columns
    {
        get
        {
            lock (gate)
            {
                var result = new List<ListColumn>();
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                void Add(ListColumn column)
                {
                    if (names.Add(column.Name)) result.Add(column);
                }

                foreach (var builtIn in SystemColumns.BuiltIn(Kind))
                {
                    Add(declared.Find(c => string.Equals(c.Name, builtIn.Name, StringComparison.OrdinalIgnoreCase)) ?? builtIn);
                }

                declared.ForEach(Add);
                carried.ForEach(Add);
                foreach (var system in SystemColumns.Trailing) Add(system);
                return result;
            }
        }
    }

    /// <summary>
    /// Declares a column as a list owner adds one (or renames Title's display name). Writes stay
    /// schemaless: an item may still carry any field, which then shows as a column of its own.
    /// A person or lookup column is declared by its own name; its items carry <c>{name}LookupId</c>.
    /// </summary>
    public SharePointList DefineColumn(string name, string? displayName = null, ColumnType type = ColumnType.Text) =>
        DefineColumn(new ListColumn(name, displayName ?? name, type));

    /// <inheritdoc cref="DefineColumn(string, string?, ColumnType)"/>
    public SharePointList DefineColumn(ListColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentException.ThrowIfNullOrWhiteSpace(column.Name);
        if (SystemColumns.IsSystem(column.Name))
        {
            throw new ArgumentException($"'{column.Name}' is one of SharePoint's own columns and cannot be defined.", nameof(column));
        }

        if (column.Name.EndsWith("LookupId", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Define the person or lookup column by its own name, not as '{column.Name}': its items carry that field.", nameof(column));
        }

        lock (gate)
        {
            declared.RemoveAll(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            declared.Add(column);
        }

        return this;
    }

    /// <summary>
    /// The value SharePoint returns for a date-only column: the UTC instant of local midnight in the
    /// site's time zone. 15 March 2021 in Stockholm is <c>2021-03-14T23:00:00Z</c>.
    /// </summary>
    public static string DateOnlyValue(DateOnly date, TimeZoneInfo timeZone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where clocks jump at midnight, local midnight does not exist; the day starts an hour later.
        if (timeZone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddHours(1);
        }

        return FieldValues.FormatInstant(TimeZoneInfo.ConvertTimeToUtc(midnight, timeZone));
    }

    /// <summary>Adds an item as a user would; returns its new id. A document library takes files through its <see cref="DocumentLibrary"/>.</summary>
    public int Add(IDictionary<string, object?> fields)
    {
        if (Kind == ListKind.DocumentLibrary)
        {
            throw new InvalidOperationException($"'{DisplayName}' is a document library: add files with {nameof(DocumentLibrary)}.{nameof(DocumentLibrary.AddFile)}.");
        }

        return Create(FieldSet.Empty.Merge(ToChanges(fields))).Id;
    }

    /// <summary>Merges the given column values (null clears one) and bumps the version, as a user edit does.</summary>
    public void Update(int id, IDictionary<string, object?> fields)
    {
        if (TryUpdate(id, ToChanges(fields), ifMatch: null, out _) == WriteOutcome.NotFound)
        {
            throw new KeyNotFoundException($"List '{DisplayName}' has no item {id}.");
        }
    }

    /// <summary>Deletes an item; the next delta reports it as deleted.</summary>
    public void Delete(int id)
    {
        if (TryDelete(id, ifMatch: null, out _) == WriteOutcome.NotFound)
        {
            throw new KeyNotFoundException($"List '{DisplayName}' has no item {id}.");
        }
    }

    /// <summary>
    /// Brings a deleted item back from the recycle bin under its old id, as SharePoint's restore
    /// does; the next delta reports it as a live item again. Deletion forgot its columns, so they
    /// are given here.
    /// </summary>
    public void Restore(int id, IDictionary<string, object?> fields)
    {
        var changes = ToChanges(fields);
        lock (gate)
        {
            if (!items.TryGetValue(id, out var record) || !record.Deleted)
            {
                throw new InvalidOperationException($"List '{DisplayName}' has no deleted item {id} to restore.");
            }

            Store(NextVersionOf(record) with { Fields = FieldSet.Empty.Merge(changes), Deleted = false }, supersedes: true);
            liveCount++;
        }
    }

    /// <summary>
    /// The item's own column values (not the computed ones such as Modified) as plain values:
    /// string, long, double, bool, lists and dictionaries. Null when the item is deleted or unknown.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? GetFields(int id)
    {
        var record = Find(id);
        return record?.Fields.Entries.ToDictionary(e => e.Key, e => FieldValues.ToClr(e.Value));
    }

    /// <summary>
    /// The next delta round sends this item twice, first and last (on different pages when the round has
    /// two or more), as SharePoint sometimes does. Clients must let the last occurrence win.
    /// </summary>
    public void RepeatInNextDelta(int id)
    {
        lock (gate)
        {
            if (!items.ContainsKey(id))
            {
                throw new KeyNotFoundException($"List '{DisplayName}' has no item {id}.");
            }

            if (!pendingRepeats.Contains(id))
            {
                pendingRepeats.Add(id);
            }
        }
    }

    /// <summary>Every delta token issued so far now answers 410 Gone (resyncRequired).</summary>
    public void ExpireDeltaTokens()
    {
        lock (gate)
        {
            deltaEpoch++;
        }
    }

    /// <summary>Adds an item; a document library's items carry their file or folder in <paramref name="document"/>.</summary>
    internal ListItemRecord Create(FieldSet fields, DocumentEntry? document = null)
    {
        lock (gate)
        {
            return Insert(nextId++, fields, document);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to a live item as a new version, so the change shows in the next delta.
    /// Null when the item is deleted or unknown.
    /// </summary>
    internal ListItemRecord? Change(int id, Func<ListItemRecord, ListItemRecord> change)
    {
        lock (gate)
        {
            if (Check(id, ifMatch: null, out var current) != WriteOutcome.Done)
            {
                return null;
            }

            var record = change(NextVersionOf(current!));
            Store(record, supersedes: true);
            return record;
        }
    }

    /// <summary>The items that exist now, ascending by id; records are immutable, so the copy is a consistent snapshot.</summary>
    internal ListItemRecord[] LiveRecords()
    {
        lock (gate)
        {
            return [.. items.Values.Where(r => !r.Deleted)];
        }
    }

    /// <summary>Adds an item at a fixed id outside the 1, 2, 3… run, as SharePoint's built-in entries sit.</summary>
    internal void CreateAt(int id, FieldSet fields)
    {
        lock (gate)
        {
            Insert(id, fields);
        }
    }

    /// <summary>Returns the id of the first live item the predicate accepts, or adds one; atomically.</summary>
    internal int FindOrCreate(Func<FieldSet, bool> match, FieldSet fields)
    {
        lock (gate)
        {
            foreach (var record in items.Values)
            {
                if (!record.Deleted && match(record.Fields))
                {
                    return record.Id;
                }
            }

            return Insert(nextId++, fields).Id;
        }
    }

    /// <summary>Ids of the items that exist now, ascending.</summary>
    public int[] LiveIds()
    {
        lock (gate)
        {
            return [.. items.Values.Where(r => !r.Deleted).Select(r => r.Id)];
        }
    }

    internal ListItemRecord? Find(int id)
    {
        lock (gate)
        {
            return items.TryGetValue(id, out var record) && !record.Deleted ? record : null;
        }
    }

    /// <summary>
    /// Applies a change when the item exists and <paramref name="ifMatch"/> (if any) names its version.
    /// <paramref name="record"/> is the new version, or the current one when the precondition failed.
    /// </summary>
    internal WriteOutcome TryUpdate(
        int id, IEnumerable<KeyValuePair<string, JsonElement?>> fieldChanges, string? ifMatch, out ListItemRecord? record)
    {
        lock (gate)
        {
            var outcome = Check(id, ifMatch, out record);
            if (outcome != WriteOutcome.Done)
            {
                return outcome;
            }

            record = NextVersionOf(record!) with { Fields = record!.Fields.Merge(fieldChanges) };
            Store(record, supersedes: true);
            return WriteOutcome.Done;
        }
    }

    /// <summary>Deletes like <see cref="TryUpdate"/> updates; <paramref name="record"/> is the tombstone or the current version.</summary>
    internal WriteOutcome TryDelete(int id, string? ifMatch, out ListItemRecord? record)
    {
        lock (gate)
        {
            var outcome = Check(id, ifMatch, out record);
            if (outcome != WriteOutcome.Done)
            {
                return outcome;
            }

            record = record! with { Sequence = ++sequence, Modified = clock.GetUtcNow(), Fields = FieldSet.Empty, Deleted = true };
            Store(record, supersedes: true);
            liveCount--;
            return WriteOutcome.Done;
        }
    }

    private ListItemRecord Insert(int id, FieldSet fields, DocumentEntry? document = null)
    {
        var now = clock.GetUtcNow();
        var record = new ListItemRecord(
            id, DeterministicGuid.From($"{Guid}|item|{id}"), Version: 1, ++sequence, now, now, fields, Deleted: false) { Document = document };
        Store(record, supersedes: false);
        liveCount++;
        return record;
    }

    private void Store(ListItemRecord record, bool supersedes)
    {
        // Seeding stores 100,000 items at a time: a plain loop, no enumerator.
        var fields = record.Fields.Entries;
        for (var i = 0; i < fields.Count; i++)
        {
            if (carriedFields.Add(fields[i].Key)) carried.Add(ListColumn.FromField(fields[i].Key, fields[i].Value));
        }

        items[record.Id] = record;
        lastModified = record.Modified;
        changes.Append(record.Sequence, record.Id, supersedes);
        changes.CompactIfMostlyStale(items.Values);
    }

    // Every change is a new version with the next sequence, which is what puts it in the next delta.
    private ListItemRecord NextVersionOf(ListItemRecord record) =>
        record with { Version = record.Version + 1, Sequence = ++sequence, Modified = clock.GetUtcNow() };

    private WriteOutcome Check(int id, string? ifMatch, out ListItemRecord? current)
    {
        if (!items.TryGetValue(id, out current) || current.Deleted)
        {
            return WriteOutcome.NotFound;
        }

        return ifMatch is null || current.MatchesETag(ifMatch) ? WriteOutcome.Done : WriteOutcome.PreconditionFailed;
    }

    /// <summary>Seed values as column changes in the site's time zone; computed columns cannot be set.</summary>
    internal List<KeyValuePair<string, JsonElement?>> ToChanges(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var timeZone = Site.TimeZone;
        var result = new List<KeyValuePair<string, JsonElement?>>();
        foreach (var (name, value) in fields)
        {
            if (SystemFields.IsReadOnly(name))
            {
                throw new ArgumentException($"'{name}' is computed by SharePoint and cannot be set.", nameof(fields));
            }

            result.Add(new(name, FieldValues.ToJson(value, timeZone)));
        }

        return result;
    }
}
