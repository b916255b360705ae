using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.Http;
using Integration.Core.Registry.Bolagsverket;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Registry;

/// <summary>
/// The registry check: the enterprises looked up in Bolagsverket's company register after their sync
/// (the port and its Bolagsverket adapter), the answers kept in the RegistryAnswers table, and a
/// warning for an enterprise that is deregistered, bankrupt or in liquidation while it has an active agreement.
/// </summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEnterpriseRegistry(configuration);
        services.AddTables(TableNames.RegistryAnswers);
        services.TryAddSingleton<RegistryCheck>();
        // After the read, the registry check looks up what is due and works out the register warnings.
        services.AddSourceFollowUp(EnterprisesModule.Source, sp => sp.GetRequiredService<RegistryCheck>().RunAsync);
        // A warning needs an active agreement, and the night's agreements are stored only now: work the warnings out again.
        services.AddSourceFollowUp(AgreementsModule.Source, sp => sp.GetRequiredService<RegistryCheck>().WarnAgainAsync);
        return services;
    }

    /// <summary>
    /// The port and its Bolagsverket adapter. Binds and validates <see cref="RegistryOptions"/> always,
    /// so a half-set registry stops start-up with a message naming the key; registers
    /// <see cref="IEnterpriseRegistry"/> only when <c>Registry__BaseUrl</c> is set, so a consumer finds
    /// no registry rather than one that fails.
    /// </summary>
    public static IServiceCollection AddEnterpriseRegistry(this IServiceCollection services, IConfiguration configuration)
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
