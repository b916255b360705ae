using Integration.Core.Hosting;
using Integration.Core.Queues;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Syncs one source. A throw leaves retry and the poison queue to the host.</summary>
public sealed class SyncSourceFunction(QueueMessageDispatcher dispatcher)
{
    [Function("SyncSource")]
    public Task Run(
        [QueueTrigger(QueueNames.SyncSource, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        long dequeueCount,
        CancellationToken ct) =>
        dispatcher.DispatchAsync(QueueNames.SyncSource, message, dequeueCount, ct);
}
