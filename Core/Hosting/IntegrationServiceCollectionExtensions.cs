using Integration.Core.Agreements;
using Integration.Core.BudgetAssignments;
using Integration.Core.CaseSystem;
using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Http;
using Integration.Core.Indicators;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.Operations;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Registry;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Hosting;

/// <summary>The one composition root: the Functions host, the CLI and the tests all call this.</summary>
public static class IntegrationServiceCollectionExtensions
{
    /// <summary>Name of the storage connection shared with the Functions host.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public static IServiceCollection AddIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        AddValidatedOptions<SharePointOptions, SharePointOptionsValidator>(services, configuration, SharePointOptions.Section);
        AddValidatedOptions<OverdueOptions, OverdueOptionsValidator>(services, configuration, OverdueOptions.Section);
        AddValidatedOptions<SchedulesOptions, SchedulesOptionsValidator>(services, configuration, SchedulesOptions.Section);

        // A connection string locally; identity-based service URIs in Azure, as the Functions host reads them.
        services.AddStorageClients(configuration.GetSection(StorageConnection));

        services.TryAddSingleton<IntegrationStorage>();
        services.TryAddSingleton<QueueSender>();
        services.TryAddSingleton<PoisonQueues>();
        services.TryAddSingleton<DeltaCheckpointStore>();
        services.TryAddSingleton<SyncDigestStore>();
        services.TryAddSingleton<SourceLocks>();
        services.TryAddSingleton<QuarantineStore>();
        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<NotificationOutbox>();

        // The case system, the registry and the Teams webhook: typed clients with retries and a breaker.
        services.AddOutboundHttp();

        services.TryAddSingleton(sp => GraphClientBuilder.Create(sp.GetRequiredService<IOptions<SharePointOptions>>().Value));
        services.TryAddSingleton<SharePointLists>();
        services.TryAddSingleton<SharePointDrives>();

        services.TryAddSingleton<PlanItemStore>();
        services.TryAddSingleton<OverdueFlagWriter>();
        services.TryAddSingleton<DeltaSyncEngine>();
        services.AddDeltaSource<PlanItemSource, SharePointItem, PlanItem>();

        AddValidatedOptions<MeetingNotesOptions, MeetingNotesOptionsValidator>(services, configuration, MeetingNotesOptions.Section);
        services.TryAddSingleton<MeetingNoteStore>();
        services.TryAddSingleton<MeetingNoteArchive>();
        services.AddDeltaSource<MeetingNotesSource, DriveFile, MeetingNote>();
        services.AddOptions<EnterprisesOptions>().Bind(configuration.GetSection(EnterprisesOptions.Section));
        services.TryAddSingleton<EnterpriseStore>();
        services.TryAddSingleton<RegistryCheck>();
        // After the read, the registry check looks up what is due and works out the register warnings.
        services.AddDeltaSource<EnterpriseSource, EnterpriseItem, Enterprise>(sp => sp.GetRequiredService<RegistryCheck>().RunAsync);
        AddValidatedOptions<AgreementsOptions, AgreementsOptionsValidator>(services, configuration, AgreementsOptions.Section);
        services.TryAddSingleton<AgreementStore>();
        // A warning needs an active agreement, and the night's agreements are stored only now: work the warnings out again.
        services.AddDeltaSource<AgreementSource, SharePointItem, Agreement>(sp => sp.GetRequiredService<RegistryCheck>().WarnAgainAsync);
        services.AddCaseSystem(configuration);
        services.AddRegistry(configuration);
        services.AddMessageHandler<CaseRegistrationMessage, CaseRegistrationHandler>();
        services.TryAddSingleton<BudgetAssignmentStore>();
        services.TryAddSingleton<BudgetAssignmentsSource>();
        services.TryAddSingleton<BudgetAssignmentMirror>();
        services.TryAddSingleton<BudgetAssignmentPublisher>();
        services.TryAddSingleton<PlanItemLinks>();
        services.AddSingleton<ISourceSync, BudgetAssignmentsSync>();
        services.TryAddSingleton<CaseRegistrationSummary>();
        services.TryAddSingleton<OverdueScanner>();
        services.TryAddSingleton<OverdueScanStep>();
        services.TryAddSingleton<IndicatorCalculator>();
        services.TryAddSingleton<IndicatorStore>();
        services.TryAddSingleton<PlanItemGoals>();
        services.TryAddSingleton<IndicatorsStep>();
        services.AddTeams(configuration);
        services.AddMessageHandler<NotificationMessage, PendingNotificationHandler>();
        services.AddMessageHandler<NotificationDigestMessage, NotificationDigestHandler>();

        services.TryAddSingleton<NightlyCycle>();
        services.TryAddSingleton<SourceReset>();
        services.TryAddSingleton<OperationsStatus>();
        AddHealth(services, configuration);
        services.TryAddSingleton<RunSteps>();
        services.TryAddSingleton<PredecessorWait>();
        services.TryAddSingleton<QueueMessageDispatcher>();
        services.AddMessageHandler<SyncSourceMessage, SourceSyncHandler>();
        return services;
    }

    /// <summary>
    /// The health endpoint's checks: storage always, Graph and the case system when configured,
    /// and whether a night completed lately (degraded at worst, never down).
    /// </summary>
    private static void AddHealth(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<DependencyHealth>();
        services.TryAddSingleton<StorageHealthCheck>();
        var timeout = DependencyHealth.CheckTimeout;
        var checks = services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", timeout: timeout)
            .AddCheck<LastNightHealthCheck>("lastNight", failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, timeout: timeout);
        if (!string.IsNullOrWhiteSpace(configuration[$"{SharePointOptions.Section}:SiteId"])) checks.AddCheck<GraphHealthCheck>("graph", timeout: timeout);
        if (!string.IsNullOrWhiteSpace(configuration[$"{CaseSystemOptions.Section}:BaseUrl"])) checks.AddCheck<CaseSystemHealthCheck>("caseSystem", timeout: timeout);
    }

    /// <summary>Registers a SharePoint source on the delta engine: one line per source.</summary>
    /// <param name="after">The source's own work after the read, given the step's counts to add to; none when null.</param>
    public static IServiceCollection AddDeltaSource<TSource, TItem, TRecord>(
        this IServiceCollection services, Func<IServiceProvider, Func<SyncCounts, CancellationToken, Task>>? after = null)
        where TSource : class, IDeltaSource<TItem, TRecord>
        where TItem : IFeedItem
    {
        services.TryAddSingleton<TSource>();
        services.AddSingleton<ISourceSync>(sp => new DeltaSourceSync<TItem, TRecord>(sp.GetRequiredService<TSource>(), sp.GetRequiredService<DeltaSyncEngine>(), after?.Invoke(sp)));
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
