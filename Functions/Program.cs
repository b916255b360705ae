using Integration.Core.Hosting;
using Integration.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);

// The worker sends its own telemetry (FunctionsTelemetry).
builder.Services.AddFunctionsTelemetry();

// The Application Insights SDK adds a filter that keeps only Warning and above; drop it so the
// Information logs of a night's run reach Application Insights.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null) options.Rules.Remove(warningsOnly);
});

builder.Services.AddIntegration(builder.Configuration);
await builder.Build().RunAsync();
