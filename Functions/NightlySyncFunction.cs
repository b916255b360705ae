using Integration.Core.Sync;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Starts the night: one sync-source message per configured source.</summary>
public sealed class NightlySyncFunction(NightlyCycle cycle)
{
    [Function("NightlySync")]
    public Task Run([TimerTrigger("%Schedules:NightlySync%")] TimerInfo timer, CancellationToken ct) =>
        cycle.StartAsync(ct);
}
