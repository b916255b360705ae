using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

/// <summary>
/// The action-plan list as <c>provision</c> creates it: what <see cref="PlanItemMapper"/> reads, the
/// Status choice with the configured statuses, and the columns the night writes (the overdue flag,
/// the goal's indicator value, the data problem).
/// </summary>
public static class PlanItemListSchema
{
    public static ListSchema Describe(SharePointOptions sharePoint, PlanItemStatusOptions statuses)
    {
        var columns = new SchemaColumns(new ColumnNames(sharePoint, PlanItemColumns.List))
            .Text(PlanItemColumns.Title, "Aktivitet")
            .Note(PlanItemColumns.Goal, "Mål")
            .Text(PlanItemColumns.ResponsibleBody, "Ansvarig nämnd")
            .Person(PlanItemColumns.Owner, "Ansvarig")
            .DateOnly(PlanItemColumns.DueDate, "Klart senast")
            .Choice(PlanItemColumns.Status, "Status",
                [.. new[] { statuses.NotStarted, statuses.InProgress, statuses.Done, statuses.Cancelled }.Select(SchemaColumns.Spellings)],
                "SharePoint__PlanItemStatuses__*")
            .Text(PlanItemColumns.CaseNumber, "Diarienummer")
            .Text(PlanItemColumns.BudgetAssignment, "Budgetuppdrag")
            .Text(PlanItemColumns.OverdueFlag, "Försenad", written: true)
            .Text(PlanItemColumns.IndicatorValue, "Indikatorvärde", written: true)
            .DataProblem();
        return new ListSchema(PlanItemsModule.Source, IsLibrary: false, sharePoint.List(PlanItemsModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) => Describe(
        services.GetRequiredService<IOptions<SharePointOptions>>().Value,
        services.GetRequiredService<IOptions<PlanItemStatusOptions>>().Value);
}
