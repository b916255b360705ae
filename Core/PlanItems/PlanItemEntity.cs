using System.Globalization;
using System.Runtime.Serialization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace Integration.Core.PlanItems;

/// <summary>
/// A plan item in the PlanItems table. DueDate is kept as <c>yyyy-MM-dd</c> text so the overdue
/// scan can filter on it server-side; ContentHash decides whether a delta item changed anything.
/// </summary>
public sealed class PlanItemEntity : ITableEntity
{
    public const string Partition = "plan-items";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Title { get; set; } = "";

    // The optional texts read back "" as null: a merge cannot remove a property, so an emptied
    // column is written as "".
    public string? Goal { get; set => field = NullIfEmpty(value); }

    public string? ResponsibleBody { get; set => field = NullIfEmpty(value); }

    /// <summary>The owner by site-user lookup id only: the address is resolved when a notification goes out.</summary>
    public string OwnerLookupId { get; set; } = "";
    public string DueDate { get; set; } = "";
    public string Status { get; set; } = "";
    public bool IsOpen { get; set; }
    public string? CaseNumber { get; set => field = NullIfEmpty(value); }

    public string? BudgetAssignment { get; set => field = NullIfEmpty(value); }

    public string ContentHash { get; set; } = "";
    public bool IsDeleted { get; set; }

    /// <summary>
    /// SharePoint's item is in quarantine now: the row keeps its last good values, the scan leaves
    /// it out (and clears a flag it wrote), and the item's next valid version clears the mark.
    /// </summary>
    public bool InQuarantine { get; set; }

    public string? QuarantineReason { get; set => field = NullIfEmpty(value); }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The backend's verdict at the last scan: "", "DueSoon" or "Overdue".</summary>
    public string Flag { get; set; } = "";

    /// <summary>The flag value SharePoint holds, so a write happens only when it differs.</summary>
    public string SharePointFlag { get; set; } = "";

    public DateTimeOffset? FlagChangedAt { get; set; }

    /// <summary>The last notification event enqueued for this item.</summary>
    public string? NotifiedEvent { get; set; }

    [IgnoreDataMember]
    public DateOnly Due => DateOnly.ParseExact(DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [IgnoreDataMember]
    public PlanItemStatus StatusValue => Enum.Parse<PlanItemStatus>(Status);

    /// <param name="hash">The item's <see cref="Hash"/> when the caller has it already.</param>
    public static PlanItemEntity From(PlanItem item, string? hash = null) => new PlanItemEntity { RowKey = item.Id }.Apply(item, hash);

    /// <summary>Copies the synced fields; keeps the scan's own state (Flag, NotifiedEvent).</summary>
    public PlanItemEntity Apply(PlanItem item, string? hash = null)
    {
        Title = item.Title;
        Goal = item.Goal;
        ResponsibleBody = item.ResponsibleBody;
        OwnerLookupId = item.OwnerLookupId;
        DueDate = item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Status = item.Status.ToString();
        IsOpen = item.Status.IsOpen();
        CaseNumber = item.CaseNumber;
        BudgetAssignment = item.BudgetAssignment;
        SharePointFlag = item.SharePointFlag;
        IsDeleted = false;
        DeletedAt = null;
        ContentHash = hash ?? Hash(item);
        return this;
    }

    /// <summary>
    /// The synced columns only, for a merge that leaves the scan's own state (Flag, FlagChangedAt,
    /// NotifiedEvent) as the scan last wrote it, without reading the row first.
    /// </summary>
    public static TableEntity SyncedColumns(PlanItem item, string? hash = null)
    {
        var synced = From(item, hash);
        return new TableEntity(Partition, item.Id)
        {
            [nameof(Title)] = synced.Title,
            [nameof(Goal)] = synced.Goal ?? "",
            [nameof(ResponsibleBody)] = synced.ResponsibleBody ?? "",
            [nameof(OwnerLookupId)] = synced.OwnerLookupId,
            [nameof(DueDate)] = synced.DueDate,
            [nameof(Status)] = synced.Status,
            [nameof(IsOpen)] = synced.IsOpen,
            [nameof(CaseNumber)] = synced.CaseNumber ?? "",
            [nameof(BudgetAssignment)] = synced.BudgetAssignment ?? "",
            [nameof(SharePointFlag)] = synced.SharePointFlag,
            [nameof(IsDeleted)] = false,
            [nameof(InQuarantine)] = false,
            [nameof(QuarantineReason)] = "",
            [nameof(ContentHash)] = synced.ContentHash,
        };
    }

    /// <summary>A tombstone, merged over the row: the content stays readable, the flag goes.</summary>
    public static TableEntity Tombstone(string id, DateTimeOffset at) => new(Partition, id)
    {
        [nameof(IsDeleted)] = true,
        [nameof(DeletedAt)] = at,
        [nameof(Flag)] = "",
    };

    /// <summary>Recomputes the hash after the scan wrote a new flag to SharePoint.</summary>
    public void RehashWithFlag(string sharePointFlag)
    {
        SharePointFlag = sharePointFlag;
        // A row in quarantine keeps its mark as its hash, so the item's next valid version is written.
        if (InQuarantine) return;
        ContentHash = Hash(new PlanItem(RowKey, Title, Goal, ResponsibleBody, OwnerLookupId, Due, StatusValue, CaseNumber, BudgetAssignment, sharePointFlag));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static string Hash(PlanItem item)
    {
        // A serialised array: no text in one column can pass for a separator and move into the next.
        var canonical = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            item.Title, item.Goal, item.ResponsibleBody, item.OwnerLookupId,
            item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item.Status.ToString(), item.CaseNumber, item.BudgetAssignment, item.SharePointFlag,
        });
        return Convert.ToBase64String(SHA256.HashData(canonical).AsSpan(0, 18));
    }
}
