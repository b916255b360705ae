using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Storage;

/// <summary>
/// Registers the table, queue and blob service clients from the <c>AzureWebJobsStorage</c>
/// settings, in either form the Functions host accepts (see <see cref="StorageEndpoints"/>).
/// </summary>
public static class StorageModule
{
    /// <summary>Name of the storage connection shared with the Functions host.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>
    /// The storage clients (a connection string locally; identity-based service URIs in Azure, as the
    /// Functions host reads them), the account's tables, queues and containers, the catalogue of the
    /// tables the modules own, and the storage health check.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        AddStorageClients(services, configuration.GetSection(Connection));
        services.TryAddSingleton<IntegrationStorage>();
        services.TryAddSingleton<StorageTables>();
        services.TryAddSingleton<StorageHealthCheck>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", timeout: Operations.DependencyHealth.CheckTimeout);
        return services;
    }

    private static void AddStorageClients(IServiceCollection services, IConfigurationSection section)
    {
        var endpoints = StorageEndpoints.From(section);
        services.TryAddSingleton(endpoints);

        // One credential for the three clients, built from the same keys the host reads:
        // credential=managedidentity with clientId is the app's user-assigned identity; without
        // them the factory falls back to DefaultAzureCredential, a developer's own sign-in.
        services.TryAddSingleton(sp => new StorageCredential(sp.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section)));

        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, sp) => endpoints.ConnectionString is { } cs
                ? new TableServiceClient(cs, options)
                : new TableServiceClient(endpoints.TableServiceUri!, Credential(sp), options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, sp) =>
            {
                // host.json has the queue trigger expect base64, so the sender writes it.
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return endpoints.ConnectionString is { } cs
                    ? new QueueServiceClient(cs, options)
                    : new QueueServiceClient(endpoints.QueueServiceUri!, Credential(sp), options);
            });
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, sp) => endpoints.ConnectionString is { } cs
                ? new BlobServiceClient(cs, options)
                : new BlobServiceClient(endpoints.BlobServiceUri!, Credential(sp), options));
        });
    }

    private static TokenCredential Credential(IServiceProvider services) => services.GetRequiredService<StorageCredential>().Credential;
}

/// <summary>The token credential of identity-based storage settings.</summary>
public sealed record StorageCredential(TokenCredential Credential);
