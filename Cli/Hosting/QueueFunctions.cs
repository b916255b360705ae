using Integration.Core.Hosting;
using Integration.Core.Queues;
using Microsoft.Azure.WebJobs;

namespace Integration.Cli.Hosting;

/// <summary>
/// The queue-triggered work of the Functions app, hosted by the WebJobs SDK (the engine under
/// the Functions host), so retries and the poison queue behave as they do in Azure. Each trigger
/// forwards to the same dispatcher as the Functions app's.
/// </summary>
public sealed class QueueFunctions(QueueMessageDispatcher dispatcher)
{
    [FunctionName("SyncSource")]
    public Task SyncSource(
        [QueueTrigger(QueueNames.SyncSource, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.SyncSource, message, dequeueCount, cancellationToken);

    [FunctionName("CaseRegistration")]
    public Task CaseRegistration(
        [QueueTrigger(QueueNames.CaseRegistration, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        string id,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.CaseRegistration, message, dequeueCount, cancellationToken, id);

    [FunctionName("Notifications")]
    public Task Notifications(
        [QueueTrigger(QueueNames.Notifications, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        string id,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.Notifications, message, dequeueCount, cancellationToken, id);
}
