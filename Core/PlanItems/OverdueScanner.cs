using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

/// <summary>
/// Flags plan items that are overdue or due soon, writes the flag back to SharePoint only where
/// it changed, and enqueues one notification per new step: due soon, overdue, and overdue for more
/// than <c>Teams__EscalationDays</c> (escalated; the SharePoint flag stays "Overdue"), a page's events
/// packed into a few messages. Reads only what a server-side filter returns, so a quiet night costs a
/// query and nothing else.
/// </summary>
public sealed partial class OverdueScanner(
    PlanItemStore store,
    DeltaCheckpointStore checkpoints,
    SyncDigestStore digests,
    OverdueFlagWriter flags,
    QueueSender queue,
    SourceLocks locks,
    IOptions<SharePointOptions> sharePoint,
    IOptions<OverdueOptions> overdue,
    NetworkCalendar calendar,
    IOptions<TeamsOptions> teams,
    SiteUserPruning pruning,
    TimeProvider time,
    ILogger<OverdueScanner> logger)
{
    /// <summary>Packs of notifications queued at once; the flags themselves go out in JSON batches.</summary>
    private const int NotifyParallelism = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(sharePoint.Value.List(PlanItemsModule.Source));

    public async Task<OverdueScanResult> ScanAsync(CancellationToken ct)
    {
        var result = new OverdueScanResult();

        // The scan writes the source's rows and SharePoint flags: one writer at a time, the sync included.
        await using var held = await locks.AcquireAsync(PlanItemsModule.Source, ct);

        // The list id comes from the sync's checkpoint: no checkpoint means nothing synced yet.
        if (await checkpoints.GetAsync(PlanItemsModule.Source, ct) is not { } checkpoint) return result;

        var rule = new OverdueRule(calendar.TimeZone, overdue.Value.DueSoonDays);
        var now = time.GetUtcNow();
        var today = rule.Today(now);

        var pending = new List<Change>();
        SyncDigestSession? digest = null;
        // A page's flags go to SharePoint while the page before is told and saved: with the night paced
        // to SharePoint's budget, the Graph calls are what a first scan waits on.
        var saving = Task.CompletedTask;
        async Task ApplyPendingAsync()
        {
            if (pending.Count == 0) return;
            var changes = pending.ToList();
            pending.Clear();
            // Rows are about to change, so the digest is marked first (see SyncDigestStore). The
            // scan never rebuilds it: that is the next sync's job.
            digest ??= await digests.OpenForWriteAsync(PlanItemsModule.Source, rebuild: null, ct);
            var written = await WriteFlagsAsync(changes, checkpoint.SourceId, ct);
            await saving;
            saving = NotifyAndSaveAsync(changes, written, today, now, result, digest.Digest, ct);
        }

        try
        {
            await foreach (var entity in store.ScanCandidatesAsync(rule.Horizon(today), ct))
            {
                result.Scanned++;
                // An item in quarantine is not acted on: its flag goes, and no notification is sent.
                var state = entity.InQuarantine ? OverdueState.None : rule.Evaluate(entity.Due, entity.StatusValue, today);
                var change = new Change(entity, state, state == OverdueState.None ? null : EventId(entity, state, IsEscalated(entity, state, today)));
                if (!change.IsNeeded) continue;

                pending.Add(change);
                if (pending.Count == TableBatch.MaxActions) await ApplyPendingAsync();
            }

            await ApplyPendingAsync();
        }
        finally
        {
            // Nothing is left writing rows once the scan lets go of the source.
            await saving;
        }

        // The digest learns the hashes that now include the flags written, so their echo in the
        // next delta is recognised without reading the rows.
        if (digest is not null) await digest.CommitAsync(ct);
        await pruning.PruneAsync(ct);
        LogDone(result.Scanned, result.NewlyOverdue, result.NewlyDueSoon, result.Cleared, result.FlagWrites, result.Notifications, result.Failures);
        return result;
    }

    /// <summary>The flags that differ from SharePoint's copy, twenty to a JSON batch; each item's outcome by its id.</summary>
    private async Task<IReadOnlyDictionary<string, (FlagWrite Outcome, string? Error)>> WriteFlagsAsync(List<Change> changes, string listId, CancellationToken ct)
    {
        var toWrite = changes.Where(c => c.Entity.SharePointFlag != c.State.ToFlag()).Select(c => (c.Entity.RowKey, c.State)).ToList();
        return toWrite.Count == 0 ? new Dictionary<string, (FlagWrite, string?)>() : await flags.WriteAsync(listId, toWrite, ct);
    }

    private async Task NotifyAndSaveAsync(
        List<Change> changes, IReadOnlyDictionary<string, (FlagWrite Outcome, string? Error)> written, DateOnly today, DateTimeOffset now,
        OverdueScanResult result, SyncDigest digest, CancellationToken ct)
    {
        // The flag first, then the notification, then the table: an item SharePoint no longer has gets
        // no message, and a crash anywhere leaves the table saying "not yet", so the next scan
        // finishes the job (a repeated PATCH writes the same value, a repeated event has the same id).
        var done = await NotifyAsync(changes, written, today, now, result, ct);
        var updates = TableUpdates(done, now, result);
        await SaveAsync(updates, digest, ct);
    }

    /// <returns>The changes SharePoint and the queue have taken; the others wait for the next scan.</returns>
    private async Task<IReadOnlyCollection<Change>> NotifyAsync(
        List<Change> changes, IReadOnlyDictionary<string, (FlagWrite Outcome, string? Error)> written, DateOnly today, DateTimeOffset now,
        OverdueScanResult result, CancellationToken ct)
    {
        var done = new System.Collections.Concurrent.ConcurrentBag<Change>();
        var toSend = new List<(Change Change, NotificationMessage Message)>();
        int notifications = 0, failures = 0;
        foreach (var change in changes)
        {
            var entity = change.Entity;
            if (written.TryGetValue(entity.RowKey, out var write))
            {
                // The item is gone from SharePoint: no flag, and no notification about it.
                if (write.Outcome == FlagWrite.Gone) continue;
                if (write.Outcome == FlagWrite.Failed)
                {
                    LogWriteFailed(entity.RowKey, write.Error!);
                    failures++;
                    continue;
                }
            }

            // The row's NotifiedEvent is the ledger: the event is sent only where the row does not
            // name it yet, and the row is saved after the send. A scan that stops in between sends it
            // again with the same event id, which the digest's delivery ledger posts once.
            if (change.EventId is { } eventId && entity.NotifiedEvent != eventId)
            {
                var escalatedAfter = IsEscalated(entity, change.State, today) ? teams.Value.EscalationDays : (int?)null;
                toSend.Add((change, ToMessage(entity, change.State, eventId, today, now, escalatedAfter)));
            }
            else
            {
                done.Add(change);
            }
        }

        // A page's events go in a few packed messages, not one message each.
        var packs = NotificationBatchMessage.Pack(toSend, s => s.Message);
        await Parallel.ForEachAsync(packs, new ParallelOptions { MaxDegreeOfParallelism = NotifyParallelism, CancellationToken = ct }, async (pack, token) =>
        {
            try
            {
                await queue.SendAsync(new NotificationBatchMessage([.. pack.Select(p => p.Message)]), token);
            }
            catch (RequestFailedException ex)
            {
                // A pack the queue refuses does not stop the others; its rows stay "not notified",
                // so the next scan tries again.
                foreach (var (change, _) in pack) LogNotifyFailed(change.Entity.RowKey, ex.Status, ex.ErrorCode);
                Interlocked.Add(ref failures, pack.Count);
                return;
            }

            Interlocked.Add(ref notifications, pack.Count);
            foreach (var (change, _) in pack) done.Add(change);
        });
        result.Notifications += notifications;
        result.FlagWrites += written.Values.Count(w => w.Outcome == FlagWrite.Written);
        result.Failures += failures;
        return done;
    }

    private static List<TableTransactionAction> TableUpdates(IReadOnlyCollection<Change> done, DateTimeOffset now, OverdueScanResult result)
    {
        var updates = new List<TableTransactionAction>();
        foreach (var change in done)
        {
            var entity = change.Entity;
            var previous = OverdueStateText.FromFlag(entity.Flag);
            if (change.State != previous)
            {
                if (change.State == OverdueState.Overdue) result.NewlyOverdue++;
                else if (change.State == OverdueState.DueSoon) result.NewlyDueSoon++;
                else result.Cleared++;
                entity.FlagChangedAt = now;
            }

            entity.Flag = change.State.ToFlag();
            entity.NotifiedEvent = change.EventId ?? entity.NotifiedEvent;
            entity.RehashWithFlag(change.State.ToFlag());
            // A merge: the row also holds columns other steps own (the indicator goal's), which the entity does not carry.
            updates.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, entity.ETag));
        }

        return updates;
    }

    private async Task SaveAsync(List<TableTransactionAction> updates, SyncDigest digest, CancellationToken ct)
    {
        try
        {
            await store.SubmitAsync(updates, ct);
            foreach (var update in updates) digest.Stored(update.Entity.RowKey, ((PlanItemEntity)update.Entity).ContentHash);
        }
        catch (TableTransactionFailedException)
        {
            // A sync wrote one of these rows meanwhile (ETag mismatch). Save the others one by
            // one; the changed row is looked at again by the next scan.
            var table = await store.TableAsync(ct);
            foreach (var update in updates)
            {
                try
                {
                    await table.UpdateEntityAsync(update.Entity, update.ETag, TableUpdateMode.Merge, ct);
                    digest.Stored(update.Entity.RowKey, ((PlanItemEntity)update.Entity).ContentHash);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    LogConflict(update.Entity.RowKey);
                }
            }
        }
    }

    /// <summary>The third step: overdue for more than the escalation days. It is an event of its own, so crossing the line notifies again.</summary>
    private bool IsEscalated(PlanItemEntity entity, OverdueState state, DateOnly today) =>
        state == OverdueState.Overdue && today.DayNumber - entity.Due.DayNumber > teams.Value.EscalationDays;

    private static string EventId(PlanItemEntity entity, OverdueState state, bool escalated) =>
        $"{PlanItemsModule.Source}:{entity.RowKey}:{(escalated ? "Escalated" : state.ToString())}:{entity.DueDate}";

    private static NotificationMessage ToMessage(PlanItemEntity entity, OverdueState state, string eventId, DateOnly today, DateTimeOffset now, int? escalatedAfterDays)
    {
        var daysOverdue = today.DayNumber - entity.Due.DayNumber;
        var body = Clip(entity.ResponsibleBody);
        var caseNumber = Clip(entity.CaseNumber);
        var facts = new List<NotificationFact> { new("Slutdatum", entity.DueDate) };
        if (daysOverdue > 0) facts.Add(new("Dagar försenad", daysOverdue.ToString(CultureInfo.InvariantCulture)));
        if (body is not null) facts.Add(new("Ansvarig", body));
        if (caseNumber is not null) facts.Add(new("Diarienummer", caseNumber));
        return new NotificationMessage(
            EventId: eventId,
            Event: state == OverdueState.Overdue ? NotificationEvents.PlanItemOverdue : NotificationEvents.PlanItemDueSoon,
            Source: PlanItemsModule.Source,
            ItemId: entity.RowKey,
            Title: entity.Title,
            RecipientLookupId: entity.OwnerLookupId,
            Facts: facts,
            WebUrl: null,
            DetectedAt: now,
            PlanItem: new PlanItemNotice(entity.Due, daysOverdue, body, caseNumber, escalatedAfterDays));
    }

    /// <summary>
    /// A notification shows a short text; a column may hold 32,000 characters, and a queue message
    /// is at most 64 KiB. The whole text stays in the table and in SharePoint.
    /// </summary>
    private static string? Clip(string? text) =>
        text is { Length: > MaxFactLength } ? string.Concat(text.AsSpan(0, MaxFactLength), "…") : text;

    private const int MaxFactLength = 500;

    /// <summary>A scan candidate whose flag, SharePoint copy or notification is behind.</summary>
    private sealed record Change(PlanItemEntity Entity, OverdueState State, string? EventId)
    {
        public bool IsNeeded =>
            Entity.Flag != State.ToFlag()
            || Entity.SharePointFlag != State.ToFlag()
            || (EventId is not null && Entity.NotifiedEvent != EventId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue scan: {Scanned} candidates, {NewlyOverdue} newly overdue, {NewlyDueSoon} newly due soon, {Cleared} cleared, {FlagWrites} flag writes, {Notifications} notifications, {Failures} failures.")]
    private partial void LogDone(int scanned, int newlyOverdue, int newlyDueSoon, int cleared, int flagWrites, int notifications, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the notification about plan item {ItemId}: {Status} {Code}")]
    private partial void LogNotifyFailed(string itemId, int status, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the overdue flag of plan item {ItemId}: {Error}")]
    private partial void LogWriteFailed(string itemId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan item {ItemId} changed during the scan; the next scan looks at it again.")]
    private partial void LogConflict(string itemId);
}
