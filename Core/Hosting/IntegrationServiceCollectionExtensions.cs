using Integration.Core.Agreements;
using Integration.Core.BudgetAssignments;
using Integration.Core.Calendar;
using Integration.Core.CaseSystem;
using Integration.Core.Enterprises;
using Integration.Core.Http;
using Integration.Core.Indicators;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.Operations;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Registry;
using Integration.Core.Reports;
using Integration.Core.Retention;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Core.Hosting;

/// <summary>The one composition root: the Functions host, the CLI and the tests all call this.</summary>
public static class IntegrationServiceCollectionExtensions
{
    /// <summary>Name of the storage connection shared with the Functions host.</summary>
    public const string StorageConnection = StorageModule.Connection;

    /// <summary>The platform, the engine, then one line per feature; the sources are listed in the order registered here.</summary>
    public static IServiceCollection AddIntegration(this IServiceCollection services, IConfiguration configuration) => services
        .AddIntegrationPlatform(configuration)
        .AddPlanItems(configuration)
        .AddMeetingNotes(configuration)
        .AddCaseSystem(configuration)
        .AddBudgetAssignments(configuration)
        .AddEnterprises(configuration)
        .AddRegistry(configuration)
        .AddAgreements(configuration)
        .AddIndicators(configuration)
        .AddNotifications(configuration)
        .AddReports(configuration)
        .AddRetention(configuration)
        .AddOperations(configuration);

    /// <summary>What every feature runs on: the calendar, storage, queues, outbound HTTP, Graph and the sync engine.</summary>
    public static IServiceCollection AddIntegrationPlatform(this IServiceCollection services, IConfiguration configuration) => services
        .AddNetworkCalendar(configuration)
        .AddStorage(configuration)
        .AddQueues()
        .AddOutboundHttp()
        .AddGraph(configuration)
        .AddSyncEngine(configuration);
}
