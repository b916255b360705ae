using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Core.Operations;

/// <summary>
/// What operations read: <c>status</c>'s report, and the health endpoint's answer over the checks
/// the modules registered, with whether a night completed lately (degraded at worst, never down).
/// </summary>
public static class OperationsModule
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<OperationsStatus>();
        services.TryAddSingleton<DependencyHealth>();
        services.AddHealthChecks().AddCheck<LastNightHealthCheck>("lastNight", failureStatus: HealthStatus.Degraded, timeout: DependencyHealth.CheckTimeout);
        return services;
    }
}
