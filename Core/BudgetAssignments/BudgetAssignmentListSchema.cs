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
            .Text(BudgetAssignmentColumns.DiaryNumber, "Diarienummer", written: true)
            .Text(BudgetAssignmentColumns.Title, "Titel", written: true)
            .Number(BudgetAssignmentColumns.BudgetYear, "Budgetår")
            .Text(BudgetAssignmentColumns.ResponsibleBoard, "Ansvarig nämnd", written: true)
            .Note(BudgetAssignmentColumns.Partners, "Samverkansparter", written: true)
            .DateOnly(BudgetAssignmentColumns.Deadline, "Slutdatum")
            .Text(BudgetAssignmentColumns.Status, "Status", written: true)
            .DateTime(BudgetAssignmentColumns.LastActivity, "Senaste aktivitet")
            .Text(BudgetAssignmentColumns.CaseLink, "Ärende", written: true)
            .Note(BudgetAssignmentColumns.Comment, "Kommentar")
            .DataProblem();
        return new ListSchema(BudgetAssignmentsModule.Source, IsLibrary: false, sharePoint.List(BudgetAssignmentsModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) =>
        Describe(services.GetRequiredService<IOptions<SharePointOptions>>().Value);
}
