using Integration.Core.Http;
using Integration.Core.Registry.Bolagsverket;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Registry;

/// <summary>The company-register port and its Bolagsverket adapter, from the composition root.</summary>
public static class RegistryRegistration
{
    /// <summary>
    /// Binds and validates <see cref="RegistryOptions"/> always, so a half-set registry stops start-up with a
    /// message naming the key; registers <see cref="IEnterpriseRegistry"/> only when <c>Registry__BaseUrl</c>
    /// is set, so a consumer finds no registry rather than one that fails.
    /// </summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RegistryOptions.Section);
        services.AddOptions<RegistryOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>());
        if (!(section.Get<RegistryOptions>() ?? new RegistryOptions()).IsConfigured) return services;

        services.TryAddSingleton<RegistryTokenCache>();
        services.TryAddSingleton<RegistryPacing>();
        services.AddOutboundHttpClient<RegistryTokenClient>();
        services.AddOutboundHttpClient<IEnterpriseRegistry, BolagsverketRegistry>();
        return services;
    }
}
