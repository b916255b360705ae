using Integration.Core.Notifications;
using Integration.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Queues;

public static class QueuesModule
{
    /// <summary>
    /// Sending to the queues and reading their poison twins. The notification outbox is here, not
    /// in the notifications module: every feature raises events through it, and they wait on the
    /// <c>notifications</c> queue whether or not this deployment sends them on.
    /// </summary>
    public static IServiceCollection AddQueues(this IServiceCollection services)
    {
        services.TryAddSingleton<QueueSender>();
        services.TryAddSingleton<PoisonQueues>();
        services.AddTables(TableNames.NotificationLedger);
        services.TryAddSingleton<NotificationOutbox>();
        return services;
    }
}
