using Integration.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync;

/// <summary>
/// Runs one step of a night and records it in SyncRuns: its outcome, counts, start and duration,
/// and the error when it fails. A step that already finished in this run is not done again, so a
/// redelivered message changes nothing. Every log line written during the step carries the run
/// id and the step (a logging scope), so one night's lines can be found together.
/// </summary>
public sealed partial class RunSteps(SyncRunStore runs, TimeProvider time, ILogger<RunSteps> logger)
{
    public async Task<SyncRunRecord> RunAsync(string runId, string step, int attempt, Func<CancellationToken, Task<StepResult>> work, CancellationToken ct)
    {
        using var scope = BeginScope(runId, step);
        if (await runs.GetAsync(runId, step, ct) is { IsFinished: true } previous)
        {
            LogDuplicate(runId, step);
            return previous;
        }

        var started = time.GetUtcNow();
        var clock = time.GetTimestamp();
        try
        {
            var result = await work(ct);
            var record = new SyncRunRecord(runId, step, result.Status, result.Detail, result.Counts, attempt, started, time.GetElapsedTime(clock)) { Ids = result.Ids };
            await runs.SaveAsync(record, ct);
            LogFinished(runId, step, attempt);
            return record;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(runId, step, attempt, ex);
            var detail = StorageUnavailableException.IsUnreachable(ex) ? "Storage did not answer: " + ex.Message : ex.Message;
            try
            {
                await runs.SaveAsync(new SyncRunRecord(runId, step, SyncRunStatus.Failed, detail, SyncRunRecord.NoCounts, attempt, started, time.GetElapsedTime(clock)), ct);
            }
            catch (Exception saveFailure) when (StorageUnavailableException.IsUnreachable(saveFailure) || saveFailure is StorageUnavailableException)
            {
                // Storage is what failed: the step's own error is the one to report, and the log has it.
            }

            throw;
        }
    }

    /// <summary>Tags every log line in the scope with the night's run id, the correlation id of a night.</summary>
    private IDisposable? BeginScope(string runId, string step) =>
        logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId, ["Step"] = step });

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} already finished {Step}; a redelivered message changes nothing.")]
    private partial void LogDuplicate(string runId, string step);

    // The alert rules in infra/modules/alerts.bicep parse these two messages: change them together.
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} step {Step} finished on attempt {Attempt}.")]
    private partial void LogFinished(string runId, string step, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} step {Step} failed on attempt {Attempt}.")]
    private partial void LogFailed(string runId, string step, int attempt, Exception exception);
}
