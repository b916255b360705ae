using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.BudgetAssignments;
using Integration.Core.CaseSystem;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Emulators.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Demo;

/// <summary>
/// The budget assignments as the network sees them in its SharePoint list (read from the Graph
/// stand-in, not from our table), and the plan items that follow from each.
/// </summary>
internal static class DemoAssignmentsReport
{
    public static async Task WriteAsync(IServiceProvider provider, SharePointList list, TimeZoneInfo timeZone, TextWriter output, CancellationToken ct)
    {
        var links = await provider.GetRequiredService<PlanItemLinks>().CheckAsync(ct);
        var titles = await PlanItemTitlesAsync(provider, ct);
        string Item(string id) => $"item {id} {titles.GetValueOrDefault(id)}";

        output.WriteLine();
        output.WriteLine($"Budget assignments in the SharePoint list '{list.DisplayName}' (the case system is master):");
        foreach (var id in list.LiveIds())
        {
            var fields = list.GetFields(id)!;
            string? Field(string name) => fields.GetValueOrDefault(name) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
            var number = Field(BudgetAssignmentColumns.DiaryNumber);
            var deadline = SharePointDates.TryParseCalendarDate(Field(BudgetAssignmentColumns.Deadline), timeZone, out var date)
                ? $"deadline {date:yyyy-MM-dd}"
                : "no deadline (published without one, counted as a warning)";
            output.WriteLine($"  {number,-19} {Field(BudgetAssignmentColumns.Title)}");
            output.WriteLine($"  {"",-19} budget {Field(BudgetAssignmentColumns.BudgetYear)}; {Field(BudgetAssignmentColumns.Status)}; {deadline}; SharePoint item {id}");
            output.WriteLine($"  {"",-19} {Field(BudgetAssignmentColumns.ResponsibleBoard)}, with {Field(BudgetAssignmentColumns.Partners) ?? "no partners named"}");
            var key = number is not null && BudgetAssignmentKeys.TryParse(number, out var parsed, out _) ? BudgetAssignmentKeys.Of(parsed!) : "";
            foreach (var planItem in links.PlanItemsByAssignment.GetValueOrDefault(key) ?? [])
            {
                output.WriteLine($"  {"",-19}   follows from it: {Item(planItem)}");
            }
        }

        output.WriteLine();
        output.WriteLine("Plan items whose assignment the case system does not have (fix the Budgetuppdrag column):");
        foreach (var id in links.UnknownAssignment) output.WriteLine($"  {Item(id)}");
        output.WriteLine("Open plan items under a closed assignment (close them or move them):");
        foreach (var id in links.ClosedAssignment) output.WriteLine($"  {Item(id)}");
    }

    private static async Task<Dictionary<string, string>> PlanItemTitlesAsync(IServiceProvider provider, CancellationToken ct)
    {
        var table = await provider.GetRequiredService<IntegrationStorage>().TableAsync(TableNames.PlanItems, ct);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition, select: ["RowKey", "Title"], cancellationToken: ct))
        {
            titles[row.RowKey] = row.GetString("Title") ?? "";
        }

        return titles;
    }
}
