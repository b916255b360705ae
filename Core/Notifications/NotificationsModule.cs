using Integration.Core.Http;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// Teams notifications: the night's events kept as pending, then one channel digest (an Adaptive
/// Card through a Workflows webhook) and one personal activity-feed notification per person, each
/// event delivered once by the ledger.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        // The webhook URL carries the flow's signature: the client's request logging (which writes
        // the URL) is removed. A repeated post after a lost 202 is a duplicate card, which the
        // ledger's lean accepts; retries stay on.
        services.AddOutboundHttpClient<ITeamsChannel, WorkflowWebhookChannel>().RemoveAllLoggers();

        services.AddTables(TableNames.NotificationEvents, TableNames.NotificationDeliveries);
        services.TryAddSingleton<PendingNotifications>();
        services.TryAddSingleton<DeliveryLedger>();
        services.TryAddSingleton<DigestContent>();
        services.TryAddSingleton<ProblemReminders>();
        // Personal notifications go through the process's one Graph client and its retry handler.
        services.TryAddSingleton<IActivityFeed, GraphActivityFeed>();
        services.TryAddSingleton<PersonalNotifications>();
        services.TryAddSingleton<NotificationSummary>();
        services.AddMessageHandler<NotificationMessage, PendingNotificationHandler>();
        services.AddMessageHandler<NotificationBatchMessage, PendingNotificationHandler>();
        services.AddMessageHandler<NotificationDigestMessage, NotificationDigestHandler>();
        services.AddNightStep<NotificationDigestStep>();
        return services;
    }
}
