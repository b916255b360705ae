using Integration.Core.CaseSystem.Sif;
using Integration.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Integration.Core.CaseSystem;

/// <summary>The case-system port (diarium) and its Public 360 SIF adapter, with its health check.</summary>
public static class CaseSystemModule
{
    /// <summary>
    /// One attempt of a create: it carries the whole file, so it gets far longer than a query. Well
    /// inside host.json's functionTimeout (30 minutes).
    /// </summary>
    public static readonly TimeSpan CreateTimeout = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddCaseSystem(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseSystemOptions>().Bind(configuration.GetSection(CaseSystemOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CaseSystemOptions>, CaseSystemOptionsValidator>());

        services.AddOutboundHttpClient<ICaseSystem, SifCaseSystem>(configureResilience: options =>
        {
            // The standard handler retries a POST on 5xx and on a timeout; for a create whose answer
            // was lost that is a second document. Creates are retried by the queue, which looks the
            // marker up first. Queries are safe to repeat.
            options.Retry.ShouldHandle = args => SifCaseSystem.IsCreate(args.Context.GetRequestMessage())
                ? PredicateResult.False()
                : ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome));
            options.AttemptTimeout.TimeoutGenerator = args =>
                ValueTask.FromResult(SifCaseSystem.IsCreate(args.Context.GetRequestMessage()) ? CreateTimeout : OutboundHttp.AttemptTimeout);
            options.TotalRequestTimeout.TimeoutGenerator = args =>
                ValueTask.FromResult(SifCaseSystem.IsCreate(args.Context.GetRequestMessage()) ? CreateTimeout : OutboundHttp.TotalRequestTimeout);
        });

        if (!string.IsNullOrWhiteSpace(configuration[$"{CaseSystemOptions.Section}:BaseUrl"]))
        {
            services.AddHealthChecks().AddCheck<CaseSystemHealthCheck>("caseSystem", timeout: Operations.DependencyHealth.CheckTimeout);
        }

        return services;
    }
}
