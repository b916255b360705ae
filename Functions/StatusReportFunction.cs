using Integration.Core.Reports;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Monday morning, after the night: the last week's status report into the library, registered and announced once.</summary>
public sealed class StatusReportFunction(StatusReportStep report)
{
    [Function("StatusReport")]
    public Task Run([TimerTrigger("%Schedules:StatusReport%")] TimerInfo timer, CancellationToken ct) =>
        report.RunAsync(runId: null, ct);
}
