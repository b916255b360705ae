using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

/// <summary>
/// The action-plan list as <c>provision</c> creates it: what <see cref="PlanItemMapper"/> reads, the
/// Status choice with the configured statuses, and the columns the night writes (the overdue flag,
/// the goal's indicator value, the data problem). The display names are the ones the feature's texts name.
/// </summary>
public static class PlanItemListSchema
{
    public static ListSchema Describe(SharePointOptions sharePoint, PlanItemStatusOptions statuses)
    {
        var columns = new SchemaColumns(new ColumnNames(sharePoint, PlanItemColumns.List))
            .Text(PlanItemColumns.Title, PlanItemTexts.Column(PlanItemColumns.Title))
            .Note(PlanItemColumns.Goal, PlanItemTexts.Column(PlanItemColumns.Goal))
            .Text(PlanItemColumns.ResponsibleBody, PlanItemTexts.Column(PlanItemColumns.ResponsibleBody))
            .Person(PlanItemColumns.Owner, PlanItemTexts.Column(PlanItemColumns.Owner))
            .DateOnly(PlanItemColumns.DueDate, PlanItemTexts.Column(PlanItemColumns.DueDate))
            .Choice(PlanItemColumns.Status, PlanItemTexts.Column(PlanItemColumns.Status),
                [.. new[] { statuses.NotStarted, statuses.InProgress, statuses.Done, statuses.Cancelled }.Select(SchemaColumns.Spellings)],
                "SharePoint__PlanItemStatuses__*")
            .Text(PlanItemColumns.CaseNumber, PlanItemTexts.Column(PlanItemColumns.CaseNumber))
            .Text(PlanItemColumns.BudgetAssignment, PlanItemTexts.Column(PlanItemColumns.BudgetAssignment))
            .Text(PlanItemColumns.OverdueFlag, PlanItemTexts.Column(PlanItemColumns.OverdueFlag), written: true)
            .Text(PlanItemColumns.IndicatorValue, PlanItemTexts.Column(PlanItemColumns.IndicatorValue), written: true)
            .DataProblem();
        return new ListSchema(PlanItemsModule.Source, IsLibrary: false, sharePoint.List(PlanItemsModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) => Describe(
        services.GetRequiredService<IOptions<SharePointOptions>>().Value,
        services.GetRequiredService<IOptions<PlanItemStatusOptions>>().Value);
}
