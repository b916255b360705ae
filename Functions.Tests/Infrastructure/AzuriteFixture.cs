using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Integration.Emulators.Azurite;

namespace Integration.Functions.Tests.Infrastructure;

/// <summary>
/// Azurite for the storage tests: the one CI started on the default ports, or one of our own.
/// Tests that use it run one at a time (one collection) and each starts from empty storage.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _started;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (ConnectionString, _started) = await LocalStorage.ResolveAsync(line => Console.Error.WriteLine(line));
    }

    public async Task DisposeAsync()
    {
        if (_started is not null) await _started.DisposeAsync();
    }

    /// <summary>Deletes every table, queue and container, so a test sees only its own data.</summary>
    public async Task ResetAsync()
    {
        var tables = new TableServiceClient(ConnectionString);
        await foreach (var table in tables.QueryAsync()) await tables.DeleteTableAsync(table.Name);

        var queues = new QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync()) await queues.DeleteQueueAsync(queue.Name);

        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync()) await blobs.DeleteBlobContainerAsync(container.Name);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
