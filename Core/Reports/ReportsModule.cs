using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Reports;

/// <summary>
/// The weekly status report (lägesrapport): read from the stores, drawn as a PDF, and (by its own
/// step) put in the network's document library, registered on the case and announced in Teams.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section));
        services.TryAddSingleton<IOwnerNames, SiteOwnerNames>();
        services.TryAddSingleton<StatusReportReader>();
        services.TryAddSingleton<StatusReportBuilder>();
        services.TryAddSingleton<ReportLibrary>();
        // The order the follow-ups run in: the case first, so the card goes out once the record exists.
        services.AddSingleton<IReportFollowUp, ReportRegistration>();
        services.AddSingleton<IReportFollowUp, WeeklyCardPost>();
        services.AddNightStep<StatusReportStep>();
        return services;
    }
}
