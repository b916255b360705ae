using Integration.Core.Queues;
using Integration.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync;

/// <summary>
/// Runs one source for one <see cref="SyncSourceMessage"/> and records the outcome. A failure is
/// recorded and rethrown so the queue trigger's own retry and poison handling take over; a
/// message delivered again after success is recognised and does nothing.
/// </summary>
public sealed partial class SourceSyncHandler(IEnumerable<ISourceSync> sources, SyncRunStore runs, ILogger<SourceSyncHandler> logger)
{
    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken ct)
    {
        var message = QueueSender.Parse<SyncSourceMessage>(messageText);
        var previous = await runs.GetAsync(message.RunId, message.Source, ct);
        if (previous?.Status is SyncRunStatus.Succeeded or SyncRunStatus.Skipped or SyncRunStatus.NotBuilt)
        {
            LogDuplicate(message.RunId, message.Source);
            return;
        }

        var source = sources.FirstOrDefault(s => s.Source == message.Source);
        if (source is null || !source.IsConfigured)
        {
            var record = source is null
                ? new SyncRunRecord(message.RunId, message.Source, SyncRunStatus.NotBuilt, $"no sync is built for source '{message.Source}'", new SyncCounts(), (int)dequeueCount)
                : new SyncRunRecord(message.RunId, message.Source, SyncRunStatus.Skipped, "not configured", new SyncCounts(), (int)dequeueCount);
            await runs.SaveAsync(record, ct);
            return;
        }

        try
        {
            var counts = await source.RunAsync(message.RunId, ct);
            await runs.SaveAsync(new SyncRunRecord(message.RunId, message.Source, SyncRunStatus.Succeeded, null, counts, (int)dequeueCount), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(message.RunId, message.Source, dequeueCount, ex);
            await runs.SaveAsync(new SyncRunRecord(message.RunId, message.Source, SyncRunStatus.Failed, ex.Message, new SyncCounts(), (int)dequeueCount), ct);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} already finished source {Source}; a redelivered message changes nothing.")]
    private partial void LogDuplicate(string runId, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} source {Source} failed on attempt {Attempt}.")]
    private partial void LogFailed(string runId, string source, long attempt, Exception exception);
}
