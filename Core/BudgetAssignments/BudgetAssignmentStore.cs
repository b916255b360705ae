using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The BudgetAssignments table: one partition, one row per diary number, every column the case
/// system's. A case that left the filter is kept as a tombstone.
/// </summary>
public sealed class BudgetAssignmentStore(IntegrationStorage storage) : SourceTable(storage, TableNames.BudgetAssignments, Partition)
{
    public const string Partition = "budget-assignments";

    /// <summary>Partners as one column: the names joined by <c>; </c>, as the case system gives them.</summary>
    public const string PartnerSeparator = "; ";

    /// <summary>A hash of every synced column, over a serialised array so a value cannot slide into the next one.</summary>
    public static string Hash(BudgetAssignment a) => ContentHash(
        a.DiaryNumber.ToString(), a.Title, a.BudgetYear, a.ResponsibleBoard, a.Partners, a.Deadline?.DayNumber, a.Status, a.Closed,
        a.LastActivity?.ToUnixTimeMilliseconds(), a.CaseLink);

    /// <summary>The whole row: it replaces what was there, a quarantine mark or a tombstone included.</summary>
    public static TableEntity Row(BudgetAssignment a, string hash, DateTimeOffset now)
    {
        var row = new TableEntity(Partition, a.Id)
        {
            ["DiaryNumber"] = a.DiaryNumber.ToString(),
            ["Title"] = a.Title,
            ["BudgetYear"] = a.BudgetYear,
            ["Partners"] = string.Join(PartnerSeparator, a.Partners),
            ["Closed"] = a.Closed,
            [ContentHashColumn] = hash,
            [IsDeletedColumn] = false,
            ["SyncedAt"] = now,
        };
        if (a.ResponsibleBoard is not null) row["ResponsibleBoard"] = a.ResponsibleBoard;
        if (a.Deadline is { } deadline) row["Deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (a.Status is not null) row["Status"] = a.Status;
        if (a.LastActivity is { } activity) row["LastActivity"] = activity;
        if (a.CaseLink is not null) row["CaseLink"] = a.CaseLink;
        return row;
    }

    public static TableEntity Tombstone(string id, DateTimeOffset now) =>
        new(Partition, id) { [IsDeletedColumn] = true, ["DeletedAt"] = now };
}
