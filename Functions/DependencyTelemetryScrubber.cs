using Integration.Core.Privacy;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace Integration.Functions;

/// <summary>
/// The HTTP dependency collector records each outgoing request's full URL. Before an item leaves
/// the process its URL, name, target and properties lose their query string and any address
/// (<see cref="TelemetryText"/>).
/// </summary>
internal sealed class DependencyTelemetryScrubber : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        if (telemetry is not DependencyTelemetry dependency) return;
        dependency.Data = TelemetryText.Scrub(dependency.Data);
        dependency.Name = TelemetryText.Scrub(dependency.Name);
        dependency.Target = TelemetryText.Scrub(dependency.Target);
        foreach (var key in dependency.Properties.Keys.ToList()) dependency.Properties[key] = TelemetryText.Scrub(dependency.Properties[key]);
    }
}
