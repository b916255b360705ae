using System.Globalization;
using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Sync;

/// <summary>
/// Starts a night: one <c>sync-source</c> message per configured source, so the Functions
/// platform runs and retries each source on its own. Sources that are not configured, or not
/// built yet, are recorded as skipped.
/// </summary>
public sealed partial class NightlyCycle(
    SyncSources definitions,
    IEnumerable<ISourceSync> sources,
    QueueSender queue,
    SyncRunStore runs,
    IOptions<SharePointOptions> sharePoint,
    TimeProvider time,
    ILogger<NightlyCycle> logger)
{
    public async Task<NightlyRun> StartAsync(CancellationToken ct)
    {
        var runId = NewRunId();
        await runs.SaveLatestNightAsync(runId, ct);
        var queued = new List<string>();
        foreach (var definition in definitions.All)
        {
            var name = definition.Name;
            var source = sources.FirstOrDefault(s => s.Source == name);
            if (source is { IsConfigured: true })
            {
                await runs.SaveAsync(new SyncRunRecord(runId, name, SyncRunStatus.Queued, null, SyncRunRecord.NoCounts, 0), ct);
                await queue.SendAsync(new SyncSourceMessage(runId, name), ct);
                queued.Add(name);
                continue;
            }

            // A source that is built but cannot run names what it lacks; one that is not built says so
            // when its list is set.
            var record = source is not null
                ? new SyncRunRecord(runId, name, SyncRunStatus.Skipped, $"not configured ({source.MissingSetting ?? definition.SettingKey} is not set)", SyncRunRecord.NoCounts, 0)
                : definition.IsConfigured(sharePoint.Value)
                ? new SyncRunRecord(runId, name, SyncRunStatus.NotBuilt, $"{definition.SettingKey} is set, but this version does not sync {name} yet", SyncRunRecord.NoCounts, 0)
                : new SyncRunRecord(runId, name, SyncRunStatus.Skipped, $"not configured ({definition.SettingKey} is not set)", SyncRunRecord.NoCounts, 0);
            await runs.SaveAsync(record, ct);
        }

        LogStarted(runId, queued.Count);
        return new NightlyRun(runId, queued);
    }

    /// <summary>
    /// The run id of the night in progress: the latest one started, unless that was so long ago
    /// that it belongs to another night (a scan on a night whose sync never started gets one of its own).
    /// </summary>
    public async Task<string> CurrentRunIdAsync(CancellationToken ct)
    {
        if (await runs.GetLatestNightAsync(ct) is { } latest && time.GetUtcNow() - latest.StartedAt < NightLength) return latest.RunId;
        var runId = NewRunId();
        await runs.SaveLatestNightAsync(runId, ct);
        return runId;
    }

    private static readonly TimeSpan NightLength = TimeSpan.FromHours(20);

    /// <summary>Sortable by time: the start in UTC, and a few random digits against a clash.</summary>
    private string NewRunId() =>
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Random.Shared.Next(0x10000):x4}");

    // The alert rule "no completed night" in infra/modules/alerts.bicep parses this message.
    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly run {RunId} started: {Count} sources queued.")]
    private partial void LogStarted(string runId, int count);
}

/// <summary>A run's id and the sources it queued.</summary>
public sealed record NightlyRun(string RunId, IReadOnlyList<string> QueuedSources);
