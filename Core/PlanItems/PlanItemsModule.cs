using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.PlanItems;

/// <summary>
/// The action plan's items (handlingsplanens aktiviteter): the SharePoint list synced into the
/// PlanItems table, and the overdue scan that flags what is overdue or due soon.
/// </summary>
public static class PlanItemsModule
{
    /// <summary>The source's name, as run-once, status and reset give it.</summary>
    public const string Source = "PlanItems";

    public static IServiceCollection AddPlanItems(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OverdueOptions, OverdueOptionsValidator>(configuration, OverdueOptions.Section);
        services.AddValidatedOptions<PlanItemStatusOptions>(configuration, PlanItemStatusOptions.Section, PlanItemStatusMap.Validate);
        services.AddTables(TableNames.PlanItems);
        services.TryAddSingleton<PlanItemStore>();
        services.TryAddSingleton<OverdueFlagWriter>();
        // After the night's budget assignments, so a plan item under one the case system closed or does
        // not have is told so from that night's assignments (PredecessorWait lets it go at once where
        // the assignments are not part of the night).
        services.AddDeltaSource<PlanItemSource, SharePointItem, PlanItem>(SourceDefinition.List(Source, after: BudgetAssignments.BudgetAssignmentsModule.Source));
        services.AddListSchema(PlanItemListSchema.From);
        services.TryAddSingleton<SiteUserPruning>();
        services.TryAddSingleton<OverdueScanner>();
        services.AddNightStep<OverdueScanStep>();
        return services;
    }
}
