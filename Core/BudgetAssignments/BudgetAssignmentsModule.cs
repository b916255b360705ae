using Integration.Core.PlanItems;
using Integration.Core.SharePoint.Provisioning;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The city's budget assignments (budgetuppdrag): read from the case system into the
/// BudgetAssignments table and published to the network's SharePoint list, the case system being
/// master; and the plan items linked to them.
/// </summary>
public static class BudgetAssignmentsModule
{
    /// <summary>The source's name, as run-once, status and reset give it.</summary>
    public const string Source = "BudgetAssignments";

    public static IServiceCollection AddBudgetAssignments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTables(TableNames.BudgetAssignments);
        services.TryAddSingleton<BudgetAssignmentStore>();
        services.TryAddSingleton<BudgetAssignmentsSource>();
        services.TryAddSingleton<BudgetAssignmentMirror>();
        services.TryAddSingleton<BudgetAssignmentPublisher>();
        services.TryAddSingleton<PlanItemLinks>();
        // Its assignments know which plan items name one that is unknown or closed: said on those items.
        services.AddTransient<IRecordWarnings<PlanItem>, PlanItemAssignmentWarnings>();
        services.AddSourceSync<BudgetAssignmentsSync>(SourceDefinition.List(Source));
        services.AddListSchema(BudgetAssignmentListSchema.From);
        return services;
    }
}
