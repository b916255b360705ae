using Integration.Core.PlanItems;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Flags overdue and due-soon plan items after the night's sync, as a step of that night.</summary>
public sealed class OverdueScanFunction(OverdueScanStep scan)
{
    [Function("OverdueScan")]
    public Task Run([TimerTrigger("%Schedules:OverdueScan%")] TimerInfo timer, CancellationToken ct) =>
        scan.RunAsync(runId: null, ct);
}
