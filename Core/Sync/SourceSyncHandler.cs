using Integration.Core.Queues;

namespace Integration.Core.Sync;

/// <summary>
/// Runs one source for one <see cref="SyncSourceMessage"/>, after the source it depends on
/// (<see cref="PredecessorWait"/>). The dispatcher records the outcome as the run's step and skips a
/// step that already finished, so a redelivered message does nothing.
/// </summary>
public sealed class SourceSyncHandler(IEnumerable<ISourceSync> sources, PredecessorWait predecessors) : IMessageHandler<SyncSourceMessage>
{
    public async Task<StepResult> HandleAsync(SyncSourceMessage message, MessageContext context, CancellationToken ct)
    {
        var source = sources.FirstOrDefault(s => s.Source == message.Source);
        if (source is null) return new StepResult(SyncRunStatus.NotBuilt, $"no sync is built for source '{message.Source}'", SyncRunRecord.NoCounts);
        if (!source.IsConfigured) return StepResult.Skipped(source.MissingSetting is { } missing ? $"not configured ({missing} is not set)" : "not configured");

        var late = await predecessors.WaitAsync(message.RunId, message.Source, ct);
        var counts = await source.RunAsync(message.RunId, ct);
        var detail = late is null ? counts.Detail : counts.Detail is null ? late : $"{counts.Detail}; {late}";
        return StepResult.Succeeded(counts.ToDictionary(), detail) with { Ids = counts.Ids };
    }
}
