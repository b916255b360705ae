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
        _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var client = tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(ct);
            return client;
        })).Value;

    public Task<QueueClient> QueueAsync(string name, CancellationToken ct = default) =>
        _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            return client;
        })).Value;

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken ct = default) =>
        _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var client = blobs.GetBlobContainerClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            return client;
        })).Value;
}
