using Integration.Core.Hosting;
using Integration.Core.Queues;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Registers one archived meeting-note version in the case system. A throw leaves retry and the poison queue to the host.</summary>
public sealed class CaseRegistrationFunction(QueueMessageDispatcher dispatcher)
{
    [Function("CaseRegistration")]
    public Task Run(
        [QueueTrigger(QueueNames.CaseRegistration, Connection = IntegrationServiceCollectionExtensions.StorageConnection)] string message,
        string id,
        long dequeueCount,
        CancellationToken ct) =>
        dispatcher.DispatchAsync(QueueNames.CaseRegistration, message, dequeueCount, ct, id);
}
