using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync;

/// <summary>
/// Holds a source back until the source it depends on has finished its step of the same night
/// (<see cref="SourceDefinition.After"/>): the night queues every source at once and the workers take
/// them side by side, so without this the agreements could be read before the night's new
/// enterprises are stored, and wait a night in quarantine. It reads the predecessor's SyncRuns row
/// every few seconds. A predecessor that is not part of the run (no row), finished, skipped or not
/// built lets the source go at once; one still queued, or failed and waiting for its retry, is waited
/// for at most <see cref="MaxWait"/>, after which the source goes on with what is stored, so a broken
/// predecessor delays a night but never stops it.
/// </summary>
public sealed partial class PredecessorWait(SyncSources sources, SyncRunStore runs, TimeProvider time, ILogger<PredecessorWait> logger)
{
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <returns>null when the source may go on as usual; otherwise a sentence for the step's detail.</returns>
    public async Task<string?> WaitAsync(string runId, string source, CancellationToken ct)
    {
        if (sources.Find(source)?.After is not { } predecessor) return null;

        var started = time.GetTimestamp();
        var waited = false;
        while (await runs.GetAsync(runId, predecessor, ct) is { IsFinished: false })
        {
            if (time.GetElapsedTime(started) >= MaxWait)
            {
                LogGaveUp(runId, source, predecessor, (int)MaxWait.TotalMinutes);
                return $"{predecessor} had not finished after {(int)MaxWait.TotalMinutes} min; synced against the {predecessor} stored so far";
            }

            if (!waited) LogWaiting(runId, source, predecessor);
            waited = true;
            await Task.Delay(PollInterval, time, ct);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Source} waits for {Predecessor} to finish.")]
    private partial void LogWaiting(string runId, string source, string predecessor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: {Predecessor} had not finished after {Minutes} min; {Source} goes on without it.")]
    private partial void LogGaveUp(string runId, string source, string predecessor, int minutes);
}
