using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Integration.Cli.Hosting;

/// <summary>Empties a local storage account that only tests and the bench's warm-up use.</summary>
internal static class ScratchStorage
{
    /// <summary>Deletes every table, queue and container of the account.</summary>
    public static async Task EmptyAsync(string connectionString, CancellationToken ct = default)
    {
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: ct)) await tables.DeleteTableAsync(table.Name, ct);

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: ct)) await queues.DeleteQueueAsync(queue.Name, ct);

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: ct)) await blobs.DeleteBlobContainerAsync(container.Name, cancellationToken: ct);
    }
}
