using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Indicators;

/// <summary>
/// The plan's indicators: the register's figures as a dated series in the Indicators table, and
/// each plan-item goal that names one put against the day's figure in SharePoint.
/// </summary>
public static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTables(TableNames.Indicators);
        services.TryAddSingleton<IndicatorCalculator>();
        services.TryAddSingleton<IndicatorStore>();
        services.TryAddSingleton<PlanItemGoals>();
        services.TryAddSingleton<PlanFigures>();
        // A goal naming an indicator that does not exist is said on the plan item, from the series it knows.
        services.AddTransient<IRecordWarnings<PlanItem>, PlanItemGoalWarnings>();
        services.AddNightStep<IndicatorsStep>();
        return services;
    }
}
