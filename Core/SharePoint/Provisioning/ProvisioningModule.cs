using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.SharePoint.Provisioning;

/// <summary>
/// What <c>provision</c> creates or checks: each feature registers its list's schema beside its
/// source (<see cref="AddListSchema"/>); the engine that compares and creates is registered once.
/// </summary>
public static class ProvisioningModule
{
    /// <summary>A feature's list or library, described from the configuration when provisioning asks.</summary>
    public static IServiceCollection AddListSchema(this IServiceCollection services, Func<IServiceProvider, ListSchema> describe)
    {
        services.AddSingleton(new ListSchemaRegistration(describe));
        return services;
    }

    /// <summary>The engine; called by the commands that provision, not by the night.</summary>
    public static IServiceCollection AddSharePointProvisioning(this IServiceCollection services)
    {
        services.AddListSchema(ReportsLibrarySchema.From);
        services.TryAddSingleton<ListSchemas>();
        services.TryAddSingleton<SharePointProvisioner>();
        return services;
    }
}

/// <summary>One registered schema, described when asked so the options it reads are validated then.</summary>
public sealed record ListSchemaRegistration(Func<IServiceProvider, ListSchema> Describe);

/// <summary>The schemas the modules registered, in their order, each described from the current configuration.</summary>
public sealed class ListSchemas(IEnumerable<ListSchemaRegistration> registrations, IServiceProvider services)
{
    public IReadOnlyList<ListSchema> All => field ??= [.. registrations.Select(r => r.Describe(services)).DistinctBy(s => s.Source, StringComparer.Ordinal)];
}
