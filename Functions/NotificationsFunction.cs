using Integration.Core.Hosting;
using Integration.Core.Queues;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>
/// Works the notifications queue: each event is kept as pending, and the night's digest request
/// sends them to Teams. A throw leaves retry and the poison queue to the host.
/// </summary>
public sealed class NotificationsFunction(QueueMessageDispatcher dispatcher)
{
    [Function("Notifications")]
    public Task Run(
        [QueueTrigger(QueueNames.Notifications, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        string id,
        long dequeueCount,
        CancellationToken ct) =>
        dispatcher.DispatchAsync(QueueNames.Notifications, message, dequeueCount, ct, id);
}
