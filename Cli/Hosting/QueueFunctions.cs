using Integration.Core.Hosting;
using Integration.Core.Queues;
using Integration.Core.Sync;
using Microsoft.Azure.WebJobs;

namespace Integration.Cli.Hosting;

/// <summary>
/// The queue-triggered work of the Functions app, hosted by the WebJobs SDK (the engine under
/// the Functions host), so retries and the poison queue behave as they do in Azure.
/// </summary>
public sealed class QueueFunctions(SourceSyncHandler handler)
{
    [FunctionName("SyncSource")]
    public Task SyncSource(
        [QueueTrigger(QueueNames.SyncSource, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, dequeueCount, cancellationToken);
}
