using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Hostile;

/// <summary>
/// Seeds a family of hostile items into the stand-in's list, runs the real sync and overdue scan
/// over it, and checks every invariant the design promises: each item in its bucket, counts that
/// reconcile with what the feed returned, flags and notifications only for stored open items, a
/// quiet rerun that writes nothing, and no personal value in any log line. Every mismatch is
/// collected, so one run reports all of them.
/// </summary>
internal sealed class HostileRun(IntegrationHarness harness)
{
    /// <summary>The harness's day in Stockholm; due soon means by <see cref="Horizon"/>.</summary>
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly DateOnly Horizon = Today.AddDays(7);

    private const string MeasuredRun = "night-1";

    /// <summary>Emails, names and a personal identity number that no log line may hold.</summary>
    private static readonly string[] PersonalValues =
    [
        "anna.lindqvist@natverket.example", "Anna Lindqvist", "omar.haddad@natverket.example", "Omar Haddad", "Extern konsult",
        HostileCases.PersonalIdentityNumber, HostileCases.PersonalIdentityNumber.Replace("-", "", StringComparison.Ordinal), HostileCases.PersonalIdentityNumber[2..],
    ];

    private readonly List<string> _problems = [];

    /// <summary>What the baseline scan sent (item, event, due date): not sent again for the same state.</summary>
    private readonly HashSet<(string ItemId, string Event, string DueDate)> _notifiedAtBaseline = [];

    private SharePointList List => harness.List;

    /// <param name="beforeMeasuredSync">Faults to set on the stand-in once the items are in place.</param>
    public async Task VerifyAsync(IReadOnlyList<HostileCase> cases, Action<GraphStandIn>? beforeMeasuredSync = null)
    {
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        var ids = await SeedAndRunBaselineAsync(cases);
        beforeMeasuredSync?.Invoke(harness.Graph);

        var counts = await harness.SyncAsync(MeasuredRun);
        CheckCounts("measured sync", counts, cases.SelectMany(c => c.Occurrences).ToList());
        await CheckOutcomesAsync(cases, ids);

        var scan = await harness.ScanAsync();
        await CheckScanAsync(cases, ids, scan);

        await CheckQuietRerunAsync(scan);
        CheckLogs(cases.Any(c => c.Outcome == Outcome.Quarantined));

        if (_problems.Count > 0)
        {
            Assert.Fail($"{_problems.Count} problem(s):\n- {string.Join("\n- ", _problems)}");
        }
    }

    private void Problem(string text) => _problems.Add(text);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<List<(HostileCase Case, int Id)>> SeedAndRunBaselineAsync(IReadOnlyList<HostileCase> cases)
    {
        var ids = new Dictionary<HostileCase, int>(ReferenceEqualityComparer.Instance);
        foreach (var c in cases)
        {
            if (c.Lifecycle == Lifecycle.DeletedBeforeFirstSync)
            {
                ids[c] = List.Add(new Dictionary<string, object?>(c.Fields));
                List.Delete(ids[c]);
            }
            else if (c.InBaseline)
            {
                ids[c] = List.Add(new Dictionary<string, object?>(c.Fields));
            }
        }

        if (cases.Any(c => c.InBaseline || c.Lifecycle == Lifecycle.AddedThenDeletedBetweenSyncs))
        {
            var baseline = await harness.SyncAsync("baseline");
            AssertReconciles("baseline sync", baseline);
            await harness.ScanAsync();
            foreach (var n in await DrainNotificationsAsync()) _notifiedAtBaseline.Add(NotificationKey(n.ItemId, n.Event, n.PlanItem?.DueDate));
        }

        foreach (var c in cases)
        {
            switch (c.Lifecycle)
            {
                case Lifecycle.New:
                    ids[c] = List.Add(new Dictionary<string, object?>(c.Fields));
                    break;
                case Lifecycle.AddedThenDeletedBetweenSyncs:
                    ids[c] = List.Add(new Dictionary<string, object?>(c.Fields));
                    List.Delete(ids[c]);
                    break;
                case Lifecycle.StoredThenEdited:
                    List.Update(ids[c], new Dictionary<string, object?>(c.Edit ?? throw new InvalidOperationException($"{c.Name}: an edit needs its columns.")));
                    break;
                case Lifecycle.StoredThenDeleted:
                    List.Delete(ids[c]);
                    break;
            }

            if (c.Repeated) List.RepeatInNextDelta(ids[c]);
        }

        return cases.Select(c => (c, ids[c])).ToList();
    }

    private static (string, string, string) NotificationKey(string itemId, string @event, DateOnly? due) =>
        (itemId, @event, due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");

    private void AssertReconciles(string run, SyncCounts c)
    {
        if (c.Read != c.Created + c.Updated + c.Unchanged + c.Deleted + c.Quarantined)
        {
            Problem($"{run}: counts do not reconcile: read {c.Read} != created {c.Created} + updated {c.Updated} + unchanged {c.Unchanged} + deleted {c.Deleted} + quarantined {c.Quarantined}");
        }
    }

    private void CheckCounts(string run, SyncCounts counts, List<Bucket> occurrences)
    {
        AssertReconciles(run, counts);
        int Expected(Bucket b) => occurrences.Count(o => o == b);
        var expected = (occurrences.Count, Expected(Bucket.Created), Expected(Bucket.Updated), Expected(Bucket.Unchanged), Expected(Bucket.Deleted), Expected(Bucket.Quarantined));
        var actual = (counts.Read, counts.Created, counts.Updated, counts.Unchanged, counts.Deleted, counts.Quarantined);
        if (expected != actual)
        {
            Problem($"{run}: (read, created, updated, unchanged, deleted, quarantined) is {actual}; the feed returned {occurrences.Count} items, expected {expected}");
        }
    }

    private async Task CheckOutcomesAsync(IReadOnlyList<HostileCase> cases, List<(HostileCase Case, int Id)> ids)
    {
        var stored = await harness.StoredItemsAsync();
        var quarantine = (await harness.QuarantineAsync()).ToDictionary(r => r.GetString("ItemId"), StringComparer.Ordinal);
        foreach (var (c, id) in ids)
        {
            var row = stored.GetValueOrDefault(Key(id));
            var entry = quarantine.GetValueOrDefault(Key(id));
            var live = row is { IsDeleted: false, InQuarantine: false };
            var where = $"'{c.Name}' (item {id})";
            switch (c.Outcome)
            {
                case Outcome.Created:
                    if (!live)
                    {
                        Problem($"{where}: expected a live row, found {Describe(row, entry)}");
                        continue;
                    }

                    if (entry is not null && entry.GetString("RunId") == MeasuredRun)
                    {
                        Problem($"{where}: stored, but also quarantined by this run: {entry.GetString("Reason")}");
                    }

                    if (ProblemInSharePoint(id) is { } told) Problem($"{where}: stored without a problem, yet SharePoint's data-problem column says \"{Show(told)}\"");
                    if (!c.Expect.ContainsKey(nameof(PlanItemEntity.Title)) && c.Fields.GetValueOrDefault("Title") is string title && c.Edit is null)
                    {
                        CheckColumn(where, row!, nameof(PlanItemEntity.Title), title);
                    }

                    break;
                case Outcome.Quarantined:
                    if (entry is null)
                    {
                        Problem($"{where}: expected a Quarantine row, found {Describe(row, entry)}");
                        continue;
                    }

                    if (live) Problem($"{where}: quarantined, yet its row is live and not marked");
                    CheckReason(where, c, entry);
                    // An item Graph sends in a form .NET cannot read is not written to: its echo would be unreadable again.
                    var unreadable = entry.GetString("Reason")?.StartsWith("Graph sent this item in a form that cannot be read", StringComparison.Ordinal) == true;
                    if (!unreadable && List.GetFields(id) is not null && ProblemInSharePoint(id) is not { Length: > 0 }) Problem($"{where}: quarantined, yet SharePoint's data-problem column is empty");
                    if (ProblemInSharePoint(id) is { } text && !IsSafeForTheNetwork(text)) Problem($"{where}: the data-problem text holds personal data: \"{Show(text)}\"");
                    break;
                case Outcome.Deleted:
                    if (row is not { IsDeleted: true }) Problem($"{where}: expected a tombstone, found {Describe(row, entry)}");
                    break;
                case Outcome.Ignored:
                    if (live || entry is not null) Problem($"{where}: expected nothing to act on, found {Describe(row, entry)}");
                    break;
            }

            foreach (var (column, expected) in c.Expect)
            {
                if (row is not null) CheckColumn(where, row, column, expected);
            }
        }
    }

    private void CheckReason(string where, HostileCase c, TableEntity entry)
    {
        var reason = entry.GetString("Reason") ?? "";
        if (c.Detail is { } detail && !reason.Contains(detail, StringComparison.Ordinal))
        {
            Problem($"{where}: the reason should contain \"{Show(detail)}\" but is \"{Show(reason)}\"");
        }

        if (c.DetailAnyOf is { } any && !any.Any(a => reason.Contains(a, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"{where}: the reason \"{Show(reason)}\" quotes a value that looks like an accepted one without saying what differs (expected it to name any of: {string.Join(", ", any)})");
        }

        if (c.RawPayloadContains is { } raw && !(entry.GetString("RawPayload") ?? "").Contains(raw, StringComparison.Ordinal))
        {
            Problem($"{where}: the raw payload should contain \"{Show(raw)}\" but is \"{Show(entry.GetString("RawPayload") ?? entry.GetString("PayloadBlob") ?? "")}\"");
        }
    }

    private void CheckColumn(string where, PlanItemEntity row, string column, string? expected)
    {
        var actual = column switch
        {
            nameof(PlanItemEntity.Title) => row.Title,
            nameof(PlanItemEntity.Goal) => row.Goal,
            nameof(PlanItemEntity.ResponsibleBody) => row.ResponsibleBody,
            nameof(PlanItemEntity.OwnerLookupId) => row.OwnerLookupId,
            nameof(PlanItemEntity.DueDate) => row.DueDate,
            nameof(PlanItemEntity.Status) => row.Status,
            nameof(PlanItemEntity.CaseNumber) => row.CaseNumber,
            nameof(PlanItemEntity.BudgetAssignment) => row.BudgetAssignment,
            nameof(PlanItemEntity.Flag) => row.Flag,
            _ => throw new ArgumentException($"{where}: no check for column {column}.", nameof(column)),
        };
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Problem($"{where}: {column} should be \"{Show(expected)}\" but is \"{Show(actual)}\"");
        }
    }

    /// <summary>The flag the overdue rule gives a stored item, worked out here from its stored date and status.</summary>
    private static string ExpectedFlag(PlanItemEntity row)
    {
        if (row.Status is not (nameof(PlanItemStatus.NotStarted) or nameof(PlanItemStatus.InProgress))) return "";
        var due = DateOnly.ParseExact(row.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return due < Today ? "Overdue" : due <= Horizon ? "DueSoon" : "";
    }

    private string? ProblemInSharePoint(int id) => List.GetFields(id)?.GetValueOrDefault(DataProblemColumn.Name) as string;

    /// <summary>No email address and no digits of a personal identity number (a masked one keeps none).</summary>
    private static bool IsSafeForTheNetwork(string text) =>
        !text.Contains('@', StringComparison.Ordinal) && Integration.Core.Privacy.PersonalNumberMask.Hide(text) == text;

    private string FlagInSharePoint(int id) => List.GetFields(id)?.GetValueOrDefault(PlanItemColumns.OverdueFlag) as string ?? "";

    private async Task CheckScanAsync(IReadOnlyList<HostileCase> cases, List<(HostileCase Case, int Id)> ids, OverdueScanResult scan)
    {
        if (scan.Failures > 0) Problem($"the scan failed to write {scan.Failures} flag(s)");
        var stored = await harness.StoredItemsAsync();
        var all = await DrainNotificationsAsync();
        var notified = all.Where(n => n.Event != NotificationEvents.DataProblemFound).ToList();
        CheckProblemEvents(ids, stored, all.Where(n => n.Event == NotificationEvents.DataProblemFound).ToList());
        var expectedNotified = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (c, id) in ids)
        {
            var where = $"'{c.Name}' (item {id})";
            var row = stored.GetValueOrDefault(Key(id));
            if (row is { IsDeleted: false, InQuarantine: false } && c.Outcome == Outcome.Created)
            {
                var flag = ExpectedFlag(row);
                if (row.Flag != flag) Problem($"{where}: the scan left flag \"{row.Flag}\", expected \"{flag}\" (due {row.DueDate}, {row.Status})");
                if (FlagInSharePoint(id) != flag) Problem($"{where}: SharePoint's flag is \"{Show(FlagInSharePoint(id))}\", expected \"{flag}\"");
                var @event = flag == "Overdue" ? NotificationEvents.PlanItemOverdue : NotificationEvents.PlanItemDueSoon;
                if (flag.Length > 0 && !_notifiedAtBaseline.Contains(NotificationKey(Key(id), @event, row.Due))) expectedNotified.Add(Key(id));
            }
            else
            {
                if (row is { IsDeleted: false } && row.Flag.Length > 0) Problem($"{where}: not a stored live item, yet the scan flagged its row \"{row.Flag}\"");
                if (List.GetFields(id) is not null && FlagInSharePoint(id).Length > 0)
                {
                    Problem($"{where}: not a stored live item, yet SharePoint's flag is \"{Show(FlagInSharePoint(id))}\"");
                }
            }
        }

        var notifiedIds = notified.Select(n => n.ItemId).ToList();
        foreach (var extra in notifiedIds.Except(expectedNotified))
        {
            var c = ids.FirstOrDefault(i => Key(i.Id) == extra).Case;
            Problem($"a notification was sent for item {extra} ('{c?.Name}'), which is not a new stored open item due soon or overdue");
        }

        foreach (var missing in expectedNotified.Except(notifiedIds))
        {
            Problem($"no notification for item {missing} ('{ids.First(i => Key(i.Id) == missing).Case.Name}'), flagged {stored[missing].Flag}");
        }

        if (notifiedIds.Count != notifiedIds.Distinct(StringComparer.Ordinal).Count()) Problem("an item was notified twice");
        if (scan.Notifications != expectedNotified.Count) Problem($"the scan reports {scan.Notifications} notifications, expected {expectedNotified.Count}");
        foreach (var message in notified)
        {
            if (stored.GetValueOrDefault(message.ItemId) is { } row && message.Title != row.Title)
            {
                Problem($"the notification for item {message.ItemId} carries title \"{Show(message.Title)}\", the row \"{Show(row.Title)}\"");
            }
        }
    }

    /// <summary>A problem is told only of an item the sync refused, once, in words fit for the network.</summary>
    private void CheckProblemEvents(List<(HostileCase Case, int Id)> ids, Dictionary<string, PlanItemEntity> stored, List<NotificationMessage> problems)
    {
        foreach (var message in problems)
        {
            var c = ids.FirstOrDefault(i => Key(i.Id) == message.ItemId).Case;
            if (stored.GetValueOrDefault(message.ItemId) is { IsDeleted: false, InQuarantine: false })
            {
                Problem($"a data problem was told for item {message.ItemId} ('{c?.Name}'), which is stored without one");
            }

            var text = string.Join(" ", message.Facts.Select(f => f.Value));
            if (!IsSafeForTheNetwork(text) || !IsSafeForTheNetwork(message.Title)) Problem($"the data problem told for item {message.ItemId} holds personal data");
        }

        if (problems.Count != problems.Select(p => p.ItemId).Distinct(StringComparer.Ordinal).Count()) Problem("a data problem was told twice for one item");
    }

    /// <summary>
    /// The scan's flag writes come back in the next delta, which must change nothing; after that a
    /// sync with no change writes nothing, and a second scan writes and sends nothing.
    /// </summary>
    private async Task CheckQuietRerunAsync(OverdueScanResult scan)
    {
        var echo = await harness.SyncAsync("night-2");
        AssertReconciles("echo sync", echo);
        if (echo.Created + echo.Updated + echo.Deleted > 0)
        {
            Problem($"the echo of the scan's {scan.FlagWrites} flag write(s) changed rows: created {echo.Created}, updated {echo.Updated}, deleted {echo.Deleted}");
        }

        var before = await SnapshotAsync();
        harness.TableRequests.Reset();
        var quiet = await harness.SyncAsync("night-3");
        var writes = harness.TableRequests.Writes;
        AssertReconciles("quiet sync", quiet);
        if (quiet.Read != 0) Problem($"a sync with no change read {quiet.Read} items");
        if (writes != 0) Problem($"a sync with no change sent {writes} table write(s)");

        var rescan = await harness.ScanAsync();
        if (rescan.FlagWrites + rescan.Notifications + rescan.NewlyOverdue + rescan.NewlyDueSoon + rescan.Cleared > 0)
        {
            Problem($"a second scan changed something: {string.Join(", ", rescan.ToDictionary().Where(p => p.Value > 0))}");
        }

        if ((await DrainNotificationsAsync()).Count > 0) Problem("a second scan sent notifications");
        var after = await SnapshotAsync();
        if (before != after) Problem($"the rerun changed the tables:\n  before {before}\n  after  {after}");
    }

    /// <summary>Every row's state that a rerun must leave alone, and the totals per bucket.</summary>
    private async Task<string> SnapshotAsync()
    {
        var stored = await harness.StoredItemsAsync();
        var quarantine = await harness.QuarantineAsync();
        var rows = stored.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Key}:{r.Value.ContentHash}/{r.Value.Flag}/{r.Value.SharePointFlag}/{r.Value.IsDeleted}/{r.Value.InQuarantine}/{r.Value.NotifiedEvent}");
        var reasons = quarantine.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => $"{r.RowKey}:{r.GetString("Reason")?.Length}");
        return $"live {stored.Values.Count(r => !r.IsDeleted && !r.InQuarantine)}, in quarantine {stored.Values.Count(r => r.InQuarantine && !r.IsDeleted)}, "
            + $"deleted {stored.Values.Count(r => r.IsDeleted)}, quarantine rows {quarantine.Count} [{string.Join(' ', rows)}] [{string.Join(' ', reasons)}]";
    }

    private async Task<List<NotificationMessage>> DrainNotificationsAsync()
    {
        var queue = await harness.Get<IntegrationStorage>().QueueAsync(QueueNames.Notifications);
        var messages = new List<NotificationMessage>();
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (received.Length == 0) return messages;
            foreach (var message in received)
            {
                messages.AddRange(QueuedNotifications.Events(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    private void CheckLogs(bool expectQuarantineLines)
    {
        var records = harness.Services.GetFakeLogCollector().GetSnapshot();
        if (!records.Any(r => r.Category?.EndsWith(nameof(DeltaSyncEngine), StringComparison.Ordinal) == true && r.Message.Contains("read ", StringComparison.Ordinal)))
        {
            Problem("no sync summary was logged: the log capture sees nothing");
        }

        if (expectQuarantineLines && !records.Any(r => r.Message.Contains("quarantined:", StringComparison.Ordinal)))
        {
            Problem("no quarantine line was logged: the log capture misses them");
        }

        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(s => s.Value) ?? []);
            foreach (var scope in record.Scopes)
            {
                texts.Add(scope?.ToString());
                if (scope is IEnumerable<KeyValuePair<string, object?>> values) texts.AddRange(values.Select(v => v.Value?.ToString()));
            }

            foreach (var value in PersonalValues)
            {
                if (texts.Any(t => t?.Contains(value, StringComparison.OrdinalIgnoreCase) == true))
                {
                    Problem($"a {record.Level} log line of {record.Category} holds \"{value}\": \"{Show(record.Message)}\"");
                }
            }
        }
    }

    private static string Describe(PlanItemEntity? row, TableEntity? entry) =>
        (row is null ? "no row" : $"a row (deleted {row.IsDeleted}, in quarantine {row.InQuarantine})")
        + (entry is null ? ", no Quarantine row" : $", a Quarantine row: {Show(entry.GetString("Reason"))}");

    /// <summary>Text for a failure message: control and invisible characters as escapes, long text cut.</summary>
    private static string Show(string? text)
    {
        if (text is null) return "(null)";
        var builder = new StringBuilder();
        foreach (var c in text.Length > 160 ? text[..160] : text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > 160 ? $"{builder}… ({text.Length} characters)" : builder.ToString();
    }
}
