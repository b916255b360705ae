using System.Globalization;
using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Sync;

/// <summary>
/// Starts a night: one <c>sync-source</c> message per configured source, so the Functions
/// platform runs and retries each source on its own. Sources that are not configured, or not
/// built yet, are recorded as skipped.
/// </summary>
public sealed partial class NightlyCycle(
    IEnumerable<ISourceSync> sources,
    QueueSender queue,
    SyncRunStore runs,
    IOptions<SharePointOptions> sharePoint,
    TimeProvider time,
    ILogger<NightlyCycle> logger)
{
    public async Task<NightlyRun> StartAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var runId = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{Random.Shared.Next(0x10000):x4}");
        var queued = new List<string>();
        foreach (var definition in SyncSources.All)
        {
            var name = definition.Name;
            var source = sources.FirstOrDefault(s => s.Source == name);
            if (source is { IsConfigured: true })
            {
                await runs.SaveAsync(new SyncRunRecord(runId, name, SyncRunStatus.Queued, null, new SyncCounts(), 0), ct);
                await queue.SendAsync(QueueNames.SyncSource, new SyncSourceMessage(runId, name), ct);
                queued.Add(name);
                continue;
            }

            var record = definition.IsConfigured(sharePoint.Value)
                ? new SyncRunRecord(runId, name, SyncRunStatus.NotBuilt, $"{definition.SettingKey} is set, but this version does not sync {name} yet", new SyncCounts(), 0)
                : new SyncRunRecord(runId, name, SyncRunStatus.Skipped, $"not configured ({definition.SettingKey} is not set)", new SyncCounts(), 0);
            await runs.SaveAsync(record, ct);
        }

        LogStarted(runId, queued.Count);
        return new NightlyRun(runId, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly run {RunId} started: {Count} sources queued.")]
    private partial void LogStarted(string runId, int count);
}

/// <summary>A run's id and the sources it queued.</summary>
public sealed record NightlyRun(string RunId, IReadOnlyList<string> QueuedSources);
