using Integration.Core.CaseSystem;
using Integration.Core.Storage;
using Integration.Core.Sync;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// A case as the engine sees it. Its id is the row key: the canonical diary number, or, when the
/// number does not parse, the number as given (the case then goes to quarantine under it).
/// </summary>
public sealed class CaseFeedItem : IFeedItem
{
    public CaseFeedItem(CaseRecord record)
    {
        Case = record;
        if (BudgetAssignmentKeys.TryParse(record.CaseNumber, out var number, out var error))
        {
            DiaryNumber = number;
            Id = BudgetAssignmentKeys.Of(number!);
        }
        else
        {
            NumberError = error;
            Id = TableKeys.Escape(string.IsNullOrWhiteSpace(record.CaseNumber) ? "(no case number)" : record.CaseNumber.Trim());
        }
    }

    public CaseRecord Case { get; }

    /// <summary>The case number read as a diary number; null when it is not one (<see cref="NumberError"/> says why).</summary>
    public DiaryNumber? DiaryNumber { get; }

    public string? NumberError { get; }

    public string Id { get; }

    /// <summary>GetCases reports no deletions: a case that left the filter is found missing by a full read.</summary>
    public bool Deleted => false;

    public string ToJson() => Case.RawJson;

    public string? Unreadable => null;
}
