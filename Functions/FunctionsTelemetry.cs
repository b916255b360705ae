using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions;

/// <summary>
/// The worker's own telemetry to Application Insights, with outgoing requests scrubbed, as Program.cs
/// sets it up; the tests build the same pipeline.
/// </summary>
public static class FunctionsTelemetry
{
    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services)
    {
        // ConfigureFunctionsApplicationInsights also reads APPLICATIONINSIGHTS_AUTHENTICATION_STRING
        // and signs ingestion in as the identity it names.
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        // Outgoing requests carry secrets and addresses in their URLs; none reaches the workspace.
        services.AddSingleton<ITelemetryInitializer, DependencyTelemetryScrubber>();
        return services;
    }
}
