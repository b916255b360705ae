using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The network's budget-assignment list as <c>provision</c> creates it: the columns
/// <see cref="BudgetAssignmentPublisher"/> writes from the case system, the network's own comment,
/// and the data problem. The case link is a text column holding the address, since the publisher
/// writes it as text; an existing hyperlink column is taken as well.
/// </summary>
public static class BudgetAssignmentListSchema
{
    public static ListSchema Describe(SharePointOptions sharePoint)
    {
        var columns = new SchemaColumns(new ColumnNames(sharePoint, BudgetAssignmentColumns.List))
            .Text(BudgetAssignmentColumns.DiaryNumber, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.DiaryNumber), written: true)
            .Text(BudgetAssignmentColumns.Title, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.Title), written: true)
            .Number(BudgetAssignmentColumns.BudgetYear, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.BudgetYear))
            .Text(BudgetAssignmentColumns.ResponsibleBoard, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.ResponsibleBoard), written: true)
            .Note(BudgetAssignmentColumns.Partners, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.Partners), written: true)
            .DateOnly(BudgetAssignmentColumns.Deadline, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.Deadline))
            .Text(BudgetAssignmentColumns.Status, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.Status), written: true)
            .DateTime(BudgetAssignmentColumns.LastActivity, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.LastActivity))
            .Text(BudgetAssignmentColumns.CaseLink, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.CaseLink), written: true)
            .Note(BudgetAssignmentColumns.Comment, BudgetAssignmentTexts.Column(BudgetAssignmentColumns.Comment))
            .DataProblem();
        return new ListSchema(BudgetAssignmentsModule.Source, IsLibrary: false, sharePoint.List(BudgetAssignmentsModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) =>
        Describe(services.GetRequiredService<IOptions<SharePointOptions>>().Value);
}
