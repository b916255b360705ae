using Integration.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>The Teams settings, the webhook client, the activity feed and the notification stores, from the composition root.</summary>
public static class TeamsRegistration
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        // The webhook URL carries the flow's signature: the client's request logging (which writes
        // the URL) is removed. A repeated post after a lost 202 is a duplicate card, which the
        // ledger's lean accepts; retries stay on.
        services.AddOutboundHttpClient<ITeamsChannel, WorkflowWebhookChannel>().RemoveAllLoggers();

        services.TryAddSingleton<PendingNotifications>();
        services.TryAddSingleton<DeliveryLedger>();
        services.TryAddSingleton<DigestContent>();
        // Personal notifications go through the process's one Graph client and its retry handler.
        services.TryAddSingleton<IActivityFeed, GraphActivityFeed>();
        services.TryAddSingleton<PersonalNotifications>();
        services.TryAddSingleton<NotificationDigestStep>();
        services.TryAddSingleton<NotificationSummary>();
        return services;
    }
}
