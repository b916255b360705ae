using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integration.Core.CaseSystem;

/// <summary>
/// Whether the case system answers and accepts our key: a lookup, on the network's case, of a
/// marker no document carries. It reads, through the port, what registration reads first.
/// </summary>
public sealed class CaseSystemHealthCheck(ICaseSystem caseSystem, IOptions<CaseSystemOptions> options) : IHealthCheck
{
    private const string ProbeMarker = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await caseSystem.FindDocumentAsync(options.Value.NetworkCaseNumber!, ProbeMarker, cancellationToken);
            return HealthCheckResult.Healthy("answers");
        }
        catch (CaseSystemException ex)
        {
            // Our own words only: the server's text may hold anything.
            return HealthCheckResult.Unhealthy(ex.IsTransient ? "unreachable or failing" : "refuses our requests (key, permissions or the network's case)");
        }
    }
}
