using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Integration.Core.Storage;

/// <summary>
/// The storage account's tables, queues and containers, each created on first use. The same
/// account serves the Functions host (AzureWebJobsStorage) and the data, so one set of role
/// assignments covers both.
/// </summary>
public sealed class IntegrationStorage(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new();

    public TableServiceClient TableService => tables;

    public QueueServiceClient QueueService => queues;

    public Task<TableClient> TableAsync(string name, CancellationToken ct = default) =>
        Once(_tables, name, tables.Uri, async () =>
        {
            var client = tables.GetTableClient(name);
            try
            {
                await client.CreateIfNotExistsAsync(ct);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 403)
            {
                // An operator with Storage Table Data Reader (status, quarantine list) may read but not
                // create; the deployment creates every table, so the reads go on and a missing one
                // says so when it is read.
            }

            return client;
        });

    public Task<QueueClient> QueueAsync(string name, CancellationToken ct = default) =>
        Once(_queues, name, queues.Uri, async () =>
        {
            var client = queues.GetQueueClient(name);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            return client;
        });

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken ct = default) =>
        Once(_containers, name, blobs.Uri, async () =>
        {
            var client = blobs.GetBlobContainerClient(name);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            return client;
        });

    /// <summary>
    /// Creates each resource once per process. A failed attempt is forgotten, so a storage
    /// hiccup at the first call does not poison every later one in a long-lived host. This is
    /// where a run first meets storage, so a failure here says which endpoint did not answer.
    /// </summary>
    private static async Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Uri service, Func<Task<T>> create)
    {
        var entry = cache.GetOrAdd(name, _ => new Lazy<Task<T>>(create));
        try
        {
            return await entry.Value;
        }
        catch (Exception ex) when (StorageUnavailableException.IsStorageFailure(ex))
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, entry));
            throw new StorageUnavailableException(service, $"creating '{name}'", ex);
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, entry));
            throw;
        }
    }
}
