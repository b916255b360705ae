using Integration.Core.BudgetAssignments;
using Integration.Core.MeetingNotes;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.Operations;

/// <summary>
/// Reads what <c>status</c> shows from the tables and queues the night writes: the run records,
/// the checkpoints, the queues and their poison twins, and the open quarantine entries. It only
/// reads. What needs attention is decided here, so the CLI, a monitor and a test agree.
/// </summary>
public sealed class OperationsStatus(
    SyncRunStore runs,
    DeltaCheckpointStore checkpoints,
    QuarantineStore quarantine,
    DataProblemStore problems,
    IntegrationStorage storage,
    SyncSources definitions,
    NightSteps nightSteps,
    IEnumerable<ISourceSync> sources,
    TimeProvider time)
{
    /// <summary>A night is missing when none started within this long.</summary>
    public static readonly TimeSpan NightExpectedWithin = TimeSpan.FromHours(26);

    /// <summary>A source not synced for longer than this needs a look (a quiet night counts as synced).</summary>
    public static readonly TimeSpan CheckpointStaleAfter = TimeSpan.FromDays(8);

    /// <summary>A step still queued this long after its night started will not finish by itself.</summary>
    public static readonly TimeSpan StepExpectedWithin = TimeSpan.FromHours(6);

    private const int NewestReasons = 3;

    public async Task<StatusReport> ReadAsync(int nights, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nights, 1);
        var now = time.GetUtcNow();
        var attention = new List<string>();

        var history = await HistoryAsync(nights, now, ct);
        var shown = history.Take(nights).ToList();
        attention.AddRange(NightAttention(shown, now));
        var sources = await SourcesAsync(history, now, attention, ct);
        var queues = await QueuesAsync(attention, ct);
        var quarantined = await QuarantinedAsync(ct);

        var notifications = shown.FirstOrDefault()?.Steps.FirstOrDefault(s => s.Step == Notifications.NotificationDigestHandler.Step);
        return new StatusReport(now, shown, sources, queues, quarantined, notifications, attention) { Problems = await ProblemsAsync(ct) };
    }

    /// <summary>The recent nights, newest first: enough to know when each source last synced, however few are shown.</summary>
    private async Task<List<NightStatus>> HistoryAsync(int nights, DateTimeOffset now, CancellationToken ct)
    {
        var history = new List<NightStatus>();
        foreach (var (runId, startedAt) in await runs.RecentNightsAsync(Math.Max(nights, 30), ct))
        {
            if (history.Count >= nights && now - startedAt > CheckpointStaleAfter) break;
            // Registration counts scan the version rows: only for the nights shown.
            history.Add(await NightAsync(runId, startedAt, withReadBack: history.Count < nights, ct));
        }

        return history;
    }

    /// <summary>What the nights shown call for: a missing night, a night that never synced, a failed or stuck step of the last one.</summary>
    private IEnumerable<string> NightAttention(List<NightStatus> shown, DateTimeOffset now)
    {
        if (shown.Count == 0)
        {
            yield return "No night has run yet.";
            yield break;
        }

        var last = shown[0];
        if (now - last.StartedAt > NightExpectedWithin)
        {
            yield return $"No night has started since {last.StartedAt:yyyy-MM-dd HH:mm}Z (more than {NightExpectedWithin.TotalHours:0} hours ago): is the NightlySync timer running?";
        }

        // A scan or digest whose night never started syncing opens a run of its own (NightlyCycle.CurrentRunIdAsync).
        if (!last.Steps.Any(s => definitions.Contains(s.Step)))
        {
            yield return $"Run {last.RunId} has no source step: the NightlySync timer did not start the night's sync.";
        }

        foreach (var step in last.Steps)
        {
            if (step.Status == SyncRunStatus.Failed) yield return $"{step.Step} failed in run {last.RunId}: {step.Detail}";
            else if (step.Status == SyncRunStatus.Queued && now - last.StartedAt > StepExpectedWithin) yield return $"{step.Step} of run {last.RunId} never finished (still queued after {StepExpectedWithin.TotalHours:0} hours).";
        }
    }

    private async Task<List<SourceStatus>> SourcesAsync(List<NightStatus> history, DateTimeOffset now, List<string> attention, CancellationToken ct)
    {
        var sources = new List<SourceStatus>();
        foreach (var name in definitions.Names)
        {
            var status = await SourceAsync(name, history, now, ct);
            sources.Add(status);
            if (status is { Configured: true, CheckpointAge: { } age } && age > CheckpointStaleAfter)
            {
                attention.Add($"{name} has not synced for {age.TotalDays:0} days (checkpoint saved {status.CheckpointSavedAt:yyyy-MM-dd HH:mm}Z).");
            }
        }

        return sources;
    }

    private async Task<List<QueueStatus>> QueuesAsync(List<string> attention, CancellationToken ct)
    {
        var queues = new List<QueueStatus>();
        foreach (var queue in QueueNames.All)
        {
            var status = new QueueStatus(queue, await LengthAsync(queue, ct), await LengthAsync(QueueNames.Poison(queue), ct));
            queues.Add(status);
            if (status.Poison > 0) attention.Add($"{status.Poison} message(s) in {QueueNames.Poison(queue)}: fix the cause (see the log), then run 'replay {queue}'.");
        }

        return queues;
    }

    /// <summary>The data problems open on the items of each source, as the night wrote them there: errors (in quarantine) and warnings.</summary>
    private async Task<List<ProblemStatus>> ProblemsAsync(CancellationToken ct) =>
        [.. (await problems.CountAsync(definitions.Names, ct)).Select(c => new ProblemStatus(c.Source, c.Errors, c.Warnings))];

    private async Task<List<QuarantineStatus>> QuarantinedAsync(CancellationToken ct)
    {
        var quarantined = new List<QuarantineStatus>();
        foreach (var name in definitions.Names)
        {
            var open = new List<OpenQuarantineEntry>();
            await foreach (var entry in quarantine.OpenEntriesAsync(name, ct)) open.Add(entry);
            if (open.Count > 0) quarantined.Add(new QuarantineStatus(name, open.Count, [.. open.OrderByDescending(e => e.LastSeen).Take(NewestReasons)]));
        }

        return quarantined;
    }

    /// <summary>When the newest night whose every step finished without failing started; null when none of the recent ones did.</summary>
    public async Task<DateTimeOffset?> LastCompletedNightAsync(CancellationToken ct)
    {
        foreach (var (runId, startedAt) in await runs.RecentNightsAsync(5, ct))
        {
            // Registration failures are in the poison queue, which status reports; health stays cheap.
            if ((await NightAsync(runId, startedAt, withReadBack: false, ct)).Completed) return startedAt;
        }

        return null;
    }

    private async Task<NightStatus> NightAsync(string runId, DateTimeOffset startedAt, bool withReadBack, CancellationToken ct)
    {
        var steps = (await runs.ListAsync(runId, ct)).Select(StepStatus.From).ToList();
        // A step with no run row of its own (case registration: each version row says how it went)
        // is read back for the nights its source ran in.
        foreach (var step in nightSteps.All.Where(s => withReadBack && s.ReportedWithSource is { } source && steps.Any(r => r.Step == source)))
        {
            if (await step.SummarizeAsync(runId, ct) is not { } result) continue;
            steps.Add(new StepStatus(step.Name, result.Status, null, null, 0, result.Counts, result.Ids, result.Detail));
        }

        var ordered = steps.OrderBy(s => Order(s.Step)).ThenBy(s => s.StartedAt).ToList();
        return new NightStatus(runId, startedAt, ordered.All(s => s.Status.IsFinished()), ordered);
    }

    /// <summary>The night's order: the sources as registered, then the steps as they run.</summary>
    private int Order(string step) =>
        definitions.Names.ToList().IndexOf(step) is var source and >= 0 ? source
        : nightSteps.All.ToList().FindIndex(s => s.Name == step) is var index and >= 0 ? definitions.All.Count + index
        : int.MaxValue;

    private async Task<SourceStatus> SourceAsync(string name, IReadOnlyList<NightStatus> history, DateTimeOffset now, CancellationToken ct)
    {
        var configured = sources.FirstOrDefault(s => s.Source == name) is { IsConfigured: true };
        var checkpoint = await checkpoints.GetAsync(name, ct);
        var lastSynced = history.FirstOrDefault(n => n.Steps.Any(s => s.Step == name && s.Status == SyncRunStatus.Succeeded))?.StartedAt;
        var confirmed = Latest(checkpoint?.SavedAt, lastSynced);
        var age = checkpoint is null ? null : now - confirmed;

        var (full, why) = checkpoint is null
            ? (true, "no checkpoint: the next night reads it in full")
            : CaseDeltaLink.TryParse(checkpoint.DeltaLink, out var link) && now - link.FullReadAt > CaseDeltaFeed.FullReadInterval
            ? (true, $"the weekly full read is due (last {link.FullReadAt:yyyy-MM-dd})")
            : (false, null);
        return new SourceStatus(name, configured, checkpoint?.SavedAt, lastSynced, age, full, configured ? why : "not configured");
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private async Task<int> LengthAsync(string queue, CancellationToken ct)
    {
        var client = await storage.QueueAsync(queue, ct);
        return (await client.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
    }
}
