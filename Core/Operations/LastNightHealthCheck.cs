using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Core.Operations;

/// <summary>
/// Whether a night completed within the last 26 hours. A missing night is <c>Degraded</c>, not
/// unhealthy: the app itself is up, and a platform health probe must not recycle instances over
/// it. The alert rule and <c>status</c> are what call for a person.
/// </summary>
public sealed class LastNightHealthCheck(OperationsStatus status, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = await status.LastCompletedNightAsync(cancellationToken);
        if (last is null) return HealthCheckResult.Degraded("no completed night among the last five");
        return time.GetUtcNow() - last.Value <= OperationsStatus.NightExpectedWithin
            ? HealthCheckResult.Healthy($"completed, started {last.Value:yyyy-MM-dd HH:mm}Z")
            : HealthCheckResult.Degraded($"the last completed night started {last.Value:yyyy-MM-dd HH:mm}Z, more than {OperationsStatus.NightExpectedWithin.TotalHours:0} hours ago");
    }
}
