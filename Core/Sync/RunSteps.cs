using System.Runtime.ExceptionServices;
using Integration.Core.Storage;
using Integration.Core.Sync.State;
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
    public Task<SyncRunRecord> RunAsync(string runId, string step, int attempt, Func<CancellationToken, Task<StepResult>> work, CancellationToken ct) =>
        RunAsync(runId, step, attempt, (_, token) => work(token), ct);

    /// <param name="work">
    /// The step, given its row as an earlier attempt left it (null on the first). It may throw a
    /// <see cref="StepFailedException"/> to have what it did before failing recorded with the failure.
    /// </param>
    public async Task<SyncRunRecord> RunAsync(string runId, string step, int attempt, Func<SyncRunRecord?, CancellationToken, Task<StepResult>> work, CancellationToken ct)
    {
        using var scope = BeginScope(runId, step);
        var previous = await runs.GetAsync(runId, step, ct);
        if (previous is { IsFinished: true })
        {
            LogDuplicate(runId, step);
            return previous;
        }

        var started = time.GetUtcNow();
        var clock = time.GetTimestamp();
        try
        {
            var result = await work(previous, ct);
            var record = new SyncRunRecord(runId, step, result.Status, result.Detail, result.Counts, attempt, started, time.GetElapsedTime(clock)) { Ids = result.Ids };
            await runs.SaveAsync(record, ct);
            LogFinished(runId, step, attempt);
            Recorded(runId, step, record.Status, attempt, record.Duration.GetValueOrDefault(), record.Counts);
            return record;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = ex is StepFailedException { InnerException: { } inner } ? inner : ex;
            LogFailed(runId, step, attempt, failure);
            var detail = ex is StepFailedException ? ex.Message
                : StorageUnavailableException.IsUnreachable(ex) ? "Storage did not answer: " + ex.Message
                : ex.Message;
            var counts = (ex as StepFailedException)?.Counts ?? SyncRunRecord.NoCounts;
            var elapsed = time.GetElapsedTime(clock);
            Recorded(runId, step, SyncRunStatus.Failed, attempt, elapsed, counts);
            try
            {
                await runs.SaveAsync(new SyncRunRecord(runId, step, SyncRunStatus.Failed, detail, counts, attempt, started, elapsed), ct);
            }
            catch (Exception saveFailure) when (StorageUnavailableException.IsUnreachable(saveFailure) || saveFailure is StorageUnavailableException)
            {
                // Storage is what failed: the step's own error is the one to report, and the log has it.
            }

            // The step's own exception goes on to the queue, so retry and the poison queue see what failed.
            if (failure != ex) ExceptionDispatchInfo.Capture(failure).Throw();
            throw;
        }
    }

    /// <summary>Tags every log line in the scope with the night's run id, the correlation id of a night.</summary>
    private IDisposable? BeginScope(string runId, string step) =>
        logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId, ["Step"] = step });

    private void Recorded(string runId, string step, SyncRunStatus status, int attempt, TimeSpan duration, IReadOnlyDictionary<string, int> counts)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return;
        var text = CountsText(counts);
        LogRecorded(runId, step, status, attempt, (long)duration.TotalMilliseconds, text);
    }

    /// <summary>The counts as one token list, <c>read=3, created=1</c>: names and numbers only, no ids.</summary>
    private static string CountsText(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} already finished {Step}; a redelivered message changes nothing.")]
    private partial void LogDuplicate(string runId, string step);

    // The alert rules in infra/modules/alerts.bicep parse these two messages: change them together.
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} step {Step} finished on attempt {Attempt}.")]
    private partial void LogFinished(string runId, string step, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} step {Step} failed on attempt {Attempt}.")]
    private partial void LogFailed(string runId, string step, int attempt, Exception exception);

    // The run history in the portal (infra/modules/run-history.bicep) parses this one: each step's
    // outcome, attempt, duration and counts, as SyncRuns keeps them. Change them together.
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} step {Step} recorded {Status} on attempt {Attempt} after {DurationMs} ms with counts {Counts}.")]
    private partial void LogRecorded(string runId, string step, SyncRunStatus status, int attempt, long durationMs, string counts);
}

/// <summary>A step failed after doing part of its work: <see cref="Counts"/> is what it did, recorded with the failure so the next attempt goes on from it.</summary>
public sealed class StepFailedException(string detail, IReadOnlyDictionary<string, int> counts, Exception inner) : Exception(detail, inner)
{
    public IReadOnlyDictionary<string, int> Counts { get; } = counts;
}
