using Integration.Core.PlanItems;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Flags overdue and due-soon plan items after the night's sync.</summary>
public sealed class OverdueScanFunction(OverdueScanner scanner)
{
    [Function("OverdueScan")]
    public Task Run([TimerTrigger("%Schedules:OverdueScan%")] TimerInfo timer, CancellationToken ct) =>
        scanner.ScanAsync(ct);
}
