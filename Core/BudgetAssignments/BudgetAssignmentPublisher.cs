using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// Publishes the stored budget assignments to the network's list
/// (<c>SharePoint__Lists__BudgetAssignments</c>), the case system being master of every synced
/// column. The list is followed through list delta into the <see cref="BudgetAssignmentMirror"/>
/// (checkpoint <see cref="CheckpointName"/>), so a night reads only what changed there. Each
/// assignment is matched with its item by diary number; a new one is created, and an item whose
/// synced columns differ is patched in those columns only. A difference while the item still holds
/// what was last published for an unchanged case is an edit made in SharePoint: it is put back and
/// logged by item id and column. <c>Comment</c> is the network's and is never written. When two
/// items carry one diary number, the one with the lowest id is kept in step and the others are
/// reported, never deleted. An assignment that left the case system's filter, or sits in
/// quarantine, leaves its item as it is.
/// </summary>
public sealed partial class BudgetAssignmentPublisher(
    SharePointLists lists,
    BudgetAssignmentStore store,
    BudgetAssignmentMirror mirror,
    DeltaCheckpointStore checkpoints,
    Notifications.NotificationOutbox outbox,
    DataProblemStore problemStore,
    Sync.Problems.ProblemNotices problemNotices,
    IOptions<SharePointOptions> sharePoint,
    NetworkCalendar calendar,
    TimeProvider time,
    ILogger<BudgetAssignmentPublisher> logger)
{
    /// <summary>The list delta's checkpoint, beside the source's own.</summary>
    public const string CheckpointName = BudgetAssignmentsModule.Source + ".list";

    private static readonly TimeSpan TokenRenewal = TimeSpan.FromDays(7);

    private readonly ColumnNames _columns = new(sharePoint.Value, BudgetAssignmentColumns.List);
    private readonly TimeZoneInfo _siteTimeZone = calendar.TimeZone;

    public async Task<PublishCounts> PublishAsync(CancellationToken ct)
    {
        var reference = sharePoint.Value.List(BudgetAssignmentsModule.Source) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("SharePoint__Lists__BudgetAssignments is not configured.");
        var checkpoint = await checkpoints.GetAsync(CheckpointName, ct);
        var listId = checkpoint is not null && checkpoint.SourceRef == reference ? checkpoint.SourceId : await lists.ResolveListIdAsync(reference, ct);
        var startLink = checkpoint is not null && checkpoint.SourceId == listId ? checkpoint.DeltaLink : null;

        var items = (await mirror.ReadAllAsync(ct)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var (link, seen) = await FollowAsync(listId, startLink, items, ct);

        var counts = new PublishCounts();
        var problems = new AssignmentProblems(lists, _columns, listId, problemStore, problemNotices, time);
        var writes = new AssignmentWrites(lists, listId);
        var written = await PublishRowsAsync(listId, items, counts, problems, writes, ct);
        await mirror.SubmitAsync(written, [], ct);
        await problems.SaveAsync(ct);
        (counts.ProblemsWritten, counts.ProblemsCleared) = (problems.Written, problems.Cleared);

        // What SharePoint took is in the mirror; a refused write fails the step, and the next night tries it again.
        if (writes.Failed > 0)
        {
            throw new GraphBatchException($"{writes.Failed} write(s) to the budget-assignment list were refused; the first: {writes.FirstError}", 0);
        }

        // Our own writes come back through delta; reading them now keeps the next quiet night quiet.
        if (counts.Published > 0) (link, _) = await FollowAsync(listId, link, items, ct);

        if (startLink is null || checkpoint!.SourceRef != reference || seen > 0 || counts.Published > 0
            || checkpoint.SavedAt is not { } saved || time.GetUtcNow() - saved > TokenRenewal)
        {
            await checkpoints.SaveAsync(CheckpointName, new DeltaCheckpoint(reference, listId, link), ct);
        }

        return counts;
    }

    /// <summary>
    /// Creates or patches the item of each live assignment row. <paramref name="items"/> learns what
    /// each write put there, so reading our own writes back through delta finds them known.
    /// </summary>
    /// <returns>The mirror rows to write: items published, and items found in step that it did not know as such.</returns>
    private async Task<List<TableTransactionAction>> PublishRowsAsync(string listId, Dictionary<string, MirroredItem> items, PublishCounts counts, AssignmentProblems problems, AssignmentWrites writes, CancellationToken ct)
    {
        var targets = Targets(items.Values, counts);
        var written = new List<TableTransactionAction>();
        var table = await store.TableAsync(ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == BudgetAssignmentStore.Partition, cancellationToken: ct))
        {
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            var hash = row.GetString(SourceTable.ContentHashColumn) ?? "";
            var wanted = Wanted(row);
            if (wanted[_columns[BudgetAssignmentColumns.Deadline]] is null) counts.WithoutDeadline++;
            var title = wanted[_columns[BudgetAssignmentColumns.Title]];
            var problemText = AssignmentProblems.Text(wanted[_columns[BudgetAssignmentColumns.DiaryNumber]], wanted[_columns[BudgetAssignmentColumns.Deadline]]);
            targets.TryGetValue(row.RowKey, out var target);
            var problem = await problems.ChangeAsync(target?.Id, title, target?.Fields.GetValueOrDefault(problems.Column ?? ""), problemText, ct);
            if (target is null)
            {
                await CreateAsync(writes, row.RowKey, wanted, hash, title, problem, problems, items, written, counts, ct);
                continue;
            }

            var differing = wanted.Where(v => !Same(v.Key, v.Value, target.Fields.GetValueOrDefault(v.Key))).Select(v => v.Key).ToList();
            if (differing.Count == 0 && problem is null)
            {
                // Adopted or already in step: remember what it holds, so a later edit there is known as one.
                if (target.PublishedHash != hash) written.Add(BudgetAssignmentMirror.Written(target.Id, wanted, hash));
                continue;
            }

            // The data-problem text goes with the item's other changes, or alone: it is the night's own
            // column, never an edit put back.
            await PatchAsync(writes, target, wanted, differing, problem, hash, items, written, async () =>
            {
                if (problem is { Length: > 0 }) problems.Told(target.Id, title, problem);
                if (differing.Count == 0) return;
                counts.Published++;
                if (target.PublishedHash == hash)
                {
                    counts.Overwritten++;
                    foreach (var column in differing) LogOverwritten(target.Id, Logical(column));
                    await TellRevertedAsync(target, wanted, differing, ct);
                }
            }, ct);
        }

        await writes.FlushAsync(ct);
        return written;
    }

    /// <summary>A new item for an assignment (with its data-problem text, when it has one); once created, the mirror learns what it holds.</summary>
    private Task CreateAsync(
        AssignmentWrites writes, string rowKey, Dictionary<string, string?> wanted, string hash, string? title, string? problem, AssignmentProblems problems,
        Dictionary<string, MirroredItem> items, List<TableTransactionAction> written, PublishCounts counts, CancellationToken ct)
    {
        var values = wanted.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Value(v.Key, v.Value!));
        if (problem is { Length: > 0 }) values[problems.Column!] = problem;
        return writes.CreateAsync(rowKey, values, id =>
        {
            var held = wanted;
            if (problem is { Length: > 0 })
            {
                problems.Told(id, title, problem);
                held = new Dictionary<string, string?>(wanted, StringComparer.Ordinal) { [problems.Column!] = problem };
            }

            items[id] = new MirroredItem(id, held, hash);
            written.Add(BudgetAssignmentMirror.Written(id, held, hash));
            counts.Published++;
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>
    /// One PATCH with the columns that differ and, when it changes, the data-problem text (empty clears
    /// it); null clears a column, as Graph takes a JSON null in a fields PATCH. Once SharePoint has it, the
    /// mirror learns what the item holds now and <paramref name="then"/> runs.
    /// </summary>
    private Task PatchAsync(
        AssignmentWrites writes, MirroredItem target, Dictionary<string, string?> wanted, List<string> differing, string? problem, string hash,
        Dictionary<string, MirroredItem> items, List<TableTransactionAction> written, Func<Task> then, CancellationToken ct)
    {
        var patch = differing.ToDictionary(c => c, c => wanted[c] is { } text ? Value(c, text) : null!);
        var merged = new Dictionary<string, string?>(target.Fields, StringComparer.Ordinal);
        foreach (var c in differing) merged[c] = wanted[c];
        if (problem is not null)
        {
            var column = _columns.DataProblem!;
            patch[column] = problem.Length == 0 ? null! : problem;
            merged[column] = problem.Length == 0 ? null : problem;
        }

        return writes.UpdateAsync(target.Id, patch, async () =>
        {
            items[target.Id] = new MirroredItem(target.Id, merged, hash);
            written.Add(BudgetAssignmentMirror.Written(target.Id, merged, hash));
            await then();
        }, ct);
    }

    /// <summary>The network is told which columns of which assignment were put back, never the values.</summary>
    private async Task TellRevertedAsync(MirroredItem target, Dictionary<string, string?> wanted, List<string> differing, CancellationToken ct)
    {
        // What the edit wrote identifies it; only its fingerprint goes into the event id.
        var editKey = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("\u0001", differing.Select(c => $"{c}={target.Fields.GetValueOrDefault(c)}"))))).AsSpan(0, 16).ToString();
        await outbox.EnqueueOnceAsync(BudgetAssignmentTexts.Reverted(
            target.Id, wanted.GetValueOrDefault(_columns[BudgetAssignmentColumns.Title]), wanted.GetValueOrDefault(_columns[BudgetAssignmentColumns.DiaryNumber]),
            [.. differing.Select(Logical)], editKey, time.GetUtcNow()), ct);
    }

    /// <summary>
    /// Reads the list's delta from <paramref name="link"/> (from scratch when null or expired) into
    /// the mirror and <paramref name="items"/>; an item whose synced columns did not change is not
    /// written. Returns the new link and how many items changed in the mirror.
    /// </summary>
    private async Task<(string Link, int Changed)> FollowAsync(string listId, string? link, Dictionary<string, MirroredItem> items, CancellationToken ct)
    {
        try
        {
            return await ReadDeltaAsync(listId, link, items, ct);
        }
        catch (DeltaResyncRequiredException) when (link is not null)
        {
            return await ReadDeltaAsync(listId, null, items, ct);
        }
    }

    private async Task<(string Link, int Changed)> ReadDeltaAsync(string listId, string? link, Dictionary<string, MirroredItem> items, CancellationToken ct)
    {
        // The data-problem column is read too, so the night knows what it last wrote there.
        var fields = _columns.WithDataProblem(BudgetAssignmentColumns.Synced.Select(c => _columns[c])).ToList();
        var actions = new Dictionary<string, TableTransactionAction>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        await foreach (var page in lists.ReadDeltaAsync(listId, link, fields, ct))
        {
            foreach (var item in page.Items)
            {
                if (item.Unreadable is not null) continue;
                if (item.Deleted)
                {
                    present.Remove(item.Id);
                    actions.Remove(item.Id);
                    if (items.Remove(item.Id)) deleted.Add(item.Id);
                    continue;
                }

                present.Add(item.Id);
                deleted.Remove(item.Id);
                var values = fields.ToDictionary(f => f, f => item.Text(f), StringComparer.Ordinal);
                if (items.TryGetValue(item.Id, out var known) && fields.All(f => Same(f, values[f], known.Fields.GetValueOrDefault(f))))
                {
                    actions.Remove(item.Id);
                    continue;
                }

                items[item.Id] = new MirroredItem(item.Id, values, known?.PublishedHash);
                actions[item.Id] = BudgetAssignmentMirror.Seen(item.Id, values);
            }

            next = page.DeltaLink ?? next;
        }

        // A read from scratch sees every live item: whatever it did not see is gone.
        if (link is null)
        {
            foreach (var gone in items.Keys.Where(id => !present.Contains(id)).ToList())
            {
                items.Remove(gone);
                deleted.Add(gone);
            }
        }

        await mirror.SubmitAsync(actions.Values, deleted, ct);
        return (next ?? throw new InvalidOperationException($"The delta feed of list {listId} ended without a delta link."), actions.Count + deleted.Count);
    }

    /// <summary>
    /// The item each diary number is published to. Two or more items with one number: the lowest
    /// id is kept in step, the others are reported (logged by id and counted) and left alone.
    /// </summary>
    private Dictionary<string, MirroredItem> Targets(IEnumerable<MirroredItem> items, PublishCounts counts)
    {
        var column = _columns[BudgetAssignmentColumns.DiaryNumber];
        var targets = new Dictionary<string, MirroredItem>(StringComparer.Ordinal);
        var groups = items
            .Select(i => (Item: i, Key: BudgetAssignmentKeys.TryParse(i.Fields.GetValueOrDefault(column), out var number, out _) ? BudgetAssignmentKeys.Of(number!) : null))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var ordered = group.Select(x => x.Item).OrderBy(i => long.TryParse(i.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            targets[group.Key] = ordered[0];
            if (ordered.Count > 1)
            {
                counts.Duplicates += ordered.Count - 1;
                LogDuplicates(ordered[0].Id, string.Join(", ", ordered.Skip(1).Select(i => i.Id)));
            }
        }

        return targets;
    }

    /// <summary>The synced columns' values for an assignment row, by internal name, in the mirror's text form.</summary>
    private Dictionary<string, string?> Wanted(TableEntity row)
    {
        string? Text(string name) => row.GetString(name) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;
        var deadline = Text("Deadline") is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? SharePointDates.ToSharePointValue(date, _siteTimeZone)
            : null;
        var activity = row.GetDateTimeOffset("LastActivity") is { } changed
            ? changed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [_columns[BudgetAssignmentColumns.DiaryNumber]] = Text("DiaryNumber"),
            [_columns[BudgetAssignmentColumns.Title]] = Text("Title"),
            [_columns[BudgetAssignmentColumns.BudgetYear]] = row.GetInt32("BudgetYear")?.ToString(CultureInfo.InvariantCulture),
            [_columns[BudgetAssignmentColumns.ResponsibleBoard]] = Text("ResponsibleBoard"),
            [_columns[BudgetAssignmentColumns.Partners]] = Text("Partners"),
            [_columns[BudgetAssignmentColumns.Deadline]] = deadline,
            [_columns[BudgetAssignmentColumns.Status]] = Text("Status"),
            [_columns[BudgetAssignmentColumns.LastActivity]] = activity,
            [_columns[BudgetAssignmentColumns.CaseLink]] = Text("CaseLink"),
        };
    }

    /// <summary>The value to send: the budget year as a number, the rest as text (dates as ISO instants).</summary>
    private object Value(string column, string text) =>
        column == _columns[BudgetAssignmentColumns.BudgetYear] && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ? year : text;

    /// <summary>
    /// Whether SharePoint's value is the one wanted, read as the column's type: a number may come
    /// back as <c>2021.0</c>, a date-only column as local or UTC midnight, an instant in any offset.
    /// </summary>
    private bool Same(string column, string? wanted, string? held)
    {
        wanted = string.IsNullOrWhiteSpace(wanted) ? null : wanted;
        held = string.IsNullOrWhiteSpace(held) ? null : held;
        if (wanted is null || held is null) return wanted is null && held is null;

        if (column == _columns[BudgetAssignmentColumns.BudgetYear])
        {
            return decimal.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && decimal.TryParse(held, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a == b;
        }

        if (column == _columns[BudgetAssignmentColumns.Deadline])
        {
            return SharePointDates.TryParseCalendarDate(wanted, _siteTimeZone, out var a)
                && SharePointDates.TryParseCalendarDate(held, _siteTimeZone, out var b) && a == b;
        }

        if (column == _columns[BudgetAssignmentColumns.LastActivity])
        {
            const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            return DateTimeOffset.TryParse(wanted, CultureInfo.InvariantCulture, styles, out var a)
                && DateTimeOffset.TryParse(held, CultureInfo.InvariantCulture, styles, out var b)
                && a.ToUnixTimeSeconds() == b.ToUnixTimeSeconds();
        }

        return string.Equals(wanted, held, StringComparison.Ordinal);
    }

    /// <summary>The column's name in the settings, for the log: never a value.</summary>
    private string Logical(string internalName) =>
        BudgetAssignmentColumns.Synced.FirstOrDefault(c => _columns[c] == internalName) ?? internalName;

    [LoggerMessage(Level = LogLevel.Warning, Message = "BudgetAssignments: SharePoint item {ItemId}: column {Column} was edited in SharePoint; the case system's value is put back.")]
    private partial void LogOverwritten(string itemId, string column);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BudgetAssignments: SharePoint items {Others} carry the same diary number as item {ItemId}; item {ItemId} is kept in step with the case, the others are left as they are and not deleted.")]
    private partial void LogDuplicates(string itemId, string others);
}

/// <summary>What one publish did in SharePoint.</summary>
public sealed class PublishCounts
{
    /// <summary>Items created or updated, SharePoint edits put back included.</summary>
    public int Published { get; set; }

    /// <summary>Items whose SharePoint edits of synced columns were put back.</summary>
    public int Overwritten { get; set; }

    /// <summary>Items left alone because another item with a lower id carries the same diary number.</summary>
    public int Duplicates { get; set; }

    /// <summary>Assignments in the table (live, not in quarantine) without a deadline: published without one, counted as a warning.</summary>
    public int WithoutDeadline { get; set; }

    /// <summary>Data-problem texts written on the list's items (an assignment without a deadline).</summary>
    public int ProblemsWritten { get; set; }

    /// <summary>Data-problem texts cleared (the case has a deadline now).</summary>
    public int ProblemsCleared { get; set; }
}
