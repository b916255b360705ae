using Integration.Core.Configuration;
using Integration.Core.Operations;
using Integration.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.SharePoint;

public static class GraphModule
{
    /// <summary>
    /// SharePoint through Microsoft Graph: the settings, the process's one Graph client with its resource-unit pacing, JSON batching, the list and
    /// drive readers every source uses, the site's users cache, and the Graph health check when a
    /// site is configured.
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SharePointOptions, SharePointOptionsValidator>(configuration, SharePointOptions.Section);
        services.TryAddSingleton<Pacing.ResourceUnitBudget>();
        services.TryAddSingleton(sp => GraphClientBuilder.Create(sp.GetRequiredService<IOptions<SharePointOptions>>().Value, sp.GetRequiredService<Pacing.ResourceUnitBudget>()));
        services.TryAddSingleton<GraphBatch>();
        services.TryAddSingleton<SharePointLists>();
        services.TryAddSingleton<SharePointDrives>();
        services.AddTables(TableNames.SiteUsers);
        if (!string.IsNullOrWhiteSpace(configuration[$"{SharePointOptions.Section}:SiteId"]))
        {
            services.AddHealthChecks().AddCheck<GraphHealthCheck>("graph", timeout: DependencyHealth.CheckTimeout);
        }

        return services;
    }
}
