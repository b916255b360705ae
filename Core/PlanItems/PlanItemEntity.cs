using System.Globalization;
using System.Runtime.Serialization;
using System.Security.Cryptography;
using System.Text;
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
    public string? Goal { get; set; }
    public string? ResponsibleBody { get; set; }
    public string OwnerLookupId { get; set; } = "";
    public string OwnerEmail { get; set; } = "";
    public string DueDate { get; set; } = "";
    public string Status { get; set; } = "";
    public bool IsOpen { get; set; }
    public string? CaseNumber { get; set; }
    public string? BudgetAssignment { get; set; }
    public string ContentHash { get; set; } = "";
    public bool IsDeleted { get; set; }
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

    public static PlanItemEntity From(PlanItem item) => new PlanItemEntity { RowKey = item.Id }.Apply(item);

    /// <summary>Copies the synced fields; keeps the scan's own state (Flag, NotifiedEvent).</summary>
    public PlanItemEntity Apply(PlanItem item)
    {
        Title = item.Title;
        Goal = item.Goal;
        ResponsibleBody = item.ResponsibleBody;
        OwnerLookupId = item.OwnerLookupId;
        OwnerEmail = item.OwnerEmail;
        DueDate = item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Status = item.Status.ToString();
        IsOpen = item.Status.IsOpen();
        CaseNumber = item.CaseNumber;
        BudgetAssignment = item.BudgetAssignment;
        SharePointFlag = item.SharePointFlag;
        IsDeleted = false;
        DeletedAt = null;
        ContentHash = Hash(item);
        return this;
    }

    /// <summary>Recomputes the hash after the scan wrote a new flag to SharePoint.</summary>
    public void RehashWithFlag(string sharePointFlag)
    {
        SharePointFlag = sharePointFlag;
        ContentHash = Hash(new PlanItem(RowKey, Title, Goal, ResponsibleBody, OwnerLookupId, OwnerEmail, Due, StatusValue, CaseNumber, BudgetAssignment, sharePointFlag));
    }

    public static string Hash(PlanItem item)
    {
        // Unit separators keep "a|b" + "c" apart from "a" + "b|c".
        var canonical = string.Join('\u001f',
            item.Title, item.Goal, item.ResponsibleBody, item.OwnerLookupId, item.OwnerEmail,
            item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item.Status, item.CaseNumber, item.BudgetAssignment, item.SharePointFlag);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 18));
    }
}
