using Microsoft.Extensions.DependencyInjection;

namespace Integration.Core.Storage;

/// <summary>A table the backend owns, registered by the module that writes it.</summary>
public sealed record TableRegistration(string Name);

/// <summary>
/// Every table the registered modules own: what the deployment creates and the bench prepares.
/// A feature left out of the composition root owns none.
/// </summary>
public sealed class StorageTables(IEnumerable<TableRegistration> tables)
{
    public IReadOnlyList<string> All { get; } = tables.Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
}

public static class StorageTableRegistration
{
    /// <summary>Registers tables a module owns.</summary>
    public static IServiceCollection AddTables(this IServiceCollection services, params string[] names)
    {
        foreach (var name in names) services.AddSingleton(new TableRegistration(name));
        return services;
    }
}
