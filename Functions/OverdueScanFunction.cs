using Integration.Core.Indicators;
using Integration.Core.PlanItems;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>
/// After the night's sync: flags overdue and due-soon plan items, then computes the day's
/// indicators, each a step of that night. The indicators run even when the scan failed.
/// </summary>
public sealed class OverdueScanFunction(OverdueScanStep scan, IndicatorsStep indicators)
{
    [Function("OverdueScan")]
    public async Task Run([TimerTrigger("%Schedules:OverdueScan%")] TimerInfo timer, CancellationToken ct)
    {
        try
        {
            await scan.RunAsync(runId: null, ct);
        }
        finally
        {
            await indicators.RunAsync(runId: null, ct);
        }
    }
}
