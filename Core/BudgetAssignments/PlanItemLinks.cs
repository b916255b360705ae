using Azure.Data.Tables;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// Which plan items follow from which assignment, through the plan item's <c>BudgetAssignment</c>
/// column (a diary number). A plan item that names an assignment the case system does not have
/// (or a number that is not a diary number), or one that is closed, is reported by id: the network
/// should either fix the reference or close the item. An open plan item under a closed assignment
/// is reported too; a done one is not. Plan items are read as stored when the step
/// runs; two queries, a few columns each, never one per item.
/// </summary>
public sealed class PlanItemLinks(IntegrationStorage storage)
{
    /// <summary>At most this many ids of each kind are kept in the run record; the counts are always whole.</summary>
    public const int MaxReportedIds = 200;

    public async Task<PlanItemLinkReport> CheckAsync(CancellationToken ct)
    {
        var assignments = await AssignmentsAsync(ct);
        var planItems = await storage.TableAsync(TableNames.PlanItems, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PlanItemEntity.Partition} and IsDeleted eq false and BudgetAssignment ne {""}");
        var linked = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string> unknown = [], closed = [];
        await foreach (var row in planItems.QueryAsync<TableEntity>(filter, select: ["RowKey", "BudgetAssignment", "IsOpen", SourceTable.InQuarantineColumn], cancellationToken: ct))
        {
            // A plan item in quarantine is reported there; its last good values are not current.
            if (row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            var key = BudgetAssignmentKeys.TryParse(row.GetString("BudgetAssignment"), out var number, out _) ? BudgetAssignmentKeys.Of(number!) : null;
            if (key is null || !assignments.TryGetValue(key, out var isClosed))
            {
                unknown.Add(row.RowKey);
                continue;
            }

            // Done work under a finished assignment is as it should be; open work under one is not.
            if (isClosed && row.GetBoolean("IsOpen") != false) closed.Add(row.RowKey);
            if (!linked.TryGetValue(key, out var items)) linked[key] = items = [];
            items.Add(row.RowKey);
        }

        return new PlanItemLinkReport(linked, Sorted(unknown), Sorted(closed));
    }

    /// <summary>Each assignment in the table that is current (not left the filter), with whether it is closed.</summary>
    public async Task<Dictionary<string, bool>> AssignmentsAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.BudgetAssignments, ct);
        var assignments = new Dictionary<string, bool>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == BudgetAssignmentStore.Partition,
            select: ["RowKey", "DiaryNumber", "Closed", SourceTable.IsDeletedColumn], cancellationToken: ct))
        {
            // A row with only a quarantine mark never held a valid case: the assignment is not known.
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetString("DiaryNumber") is null) continue;
            assignments[row.RowKey] = row.GetBoolean("Closed") == true;
        }

        return assignments;
    }

    // Numeric ids in numeric order, so the report reads as the list does.
    private static List<string> Sorted(List<string> ids) =>
        [.. ids.OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)];
}

/// <summary>The plan items of each assignment (by row key), and those whose assignment is unknown or closed.</summary>
public sealed record PlanItemLinkReport(
    IReadOnlyDictionary<string, List<string>> PlanItemsByAssignment,
    IReadOnlyList<string> UnknownAssignment,
    IReadOnlyList<string> ClosedAssignment)
{
    public void AddTo(SyncCounts counts)
    {
        counts.Extra["linkedPlanItems"] = PlanItemsByAssignment.Values.Sum(v => v.Count);
        counts.Extra["unknownAssignment"] = UnknownAssignment.Count;
        counts.Extra["closedAssignment"] = ClosedAssignment.Count;
        counts.Ids["planItemsWithUnknownAssignment"] = [.. UnknownAssignment.Take(PlanItemLinks.MaxReportedIds)];
        counts.Ids["planItemsWithClosedAssignment"] = [.. ClosedAssignment.Take(PlanItemLinks.MaxReportedIds)];
    }
}
