using Integration.Core.SharePoint;
using Integration.Core.Sync.Problems;
using Integration.Core.Sync.State;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The data-problem column of the budget-assignment list, as the publisher keeps it: an assignment the
/// case system gives no deadline is published without one, and its item says so, in Swedish, until the
/// case has one. The publisher writes the text with the item's other columns (never a request of its
/// own where one goes anyway); whether the list has the column is asked once a night, and only when a
/// text is to be written, so a list without it is published as before. The open problems are kept and
/// told as every source's are.
/// </summary>
internal sealed class AssignmentProblems(SharePointLists lists, ColumnNames columns, string listId, DataProblemStore store, ProblemNotices notices, TimeProvider time)
{
    private readonly List<OpenProblem> _found = [];
    private readonly List<string> _closed = [];
    private bool? _listHasColumn;

    /// <summary>The column's internal name; null when the setting turns the write-back off.</summary>
    public string? Column => columns.DataProblem;

    public int Written { get; private set; }

    public int Cleared { get; private set; }

    /// <summary>What the item of an assignment should say: why it has no deadline, or nothing.</summary>
    public static string? Text(string? diaryNumber, string? deadline) => deadline is not null ? null
        : $"Slutdatum saknas i ärendet {diaryNumber} i ärendesystemet, så uppdraget visas utan slutdatum. Be handläggaren fylla i det där; det syns här natten efter.";

    /// <summary>
    /// The column's new value when it must change (an empty string clears it), or null when it stays as it
    /// is or the list has no such column.
    /// </summary>
    public async Task<string?> ChangeAsync(string? itemId, string? title, string? current, string? wanted, CancellationToken ct)
    {
        if (Column is null || string.Equals(current ?? "", wanted ?? "", StringComparison.Ordinal)) return null;
        _listHasColumn ??= (await lists.ListColumnsAsync(listId, ct)).Any(c => c.Name == Column);
        if (_listHasColumn != true) return null;
        if (wanted is null)
        {
            Cleared++;
            if (itemId is not null) _closed.Add(itemId);
            return "";
        }

        Written++;
        return wanted;
    }

    /// <summary>A new text was written on an item: kept as open and told, once.</summary>
    public void Told(string itemId, string? title, string text) =>
        _found.Add(new OpenProblem(BudgetAssignmentsModule.Source, itemId, title ?? $"Budgetuppdrag, rad {itemId}", text, IsError: false, null, time.GetUtcNow()));

    public async Task SaveAsync(CancellationToken ct)
    {
        // A text cleared may never have been ours to keep (typed by hand): only rows there are closed.
        var closed = _closed.Count == 0 ? [] : (await store.OpenAsync(BudgetAssignmentsModule.Source, ct)).Keys.Intersect(_closed).ToList();
        await store.SaveAsync(BudgetAssignmentsModule.Source, _found, closed, ct);
        await notices.TellAsync(_found, list: null, ct);
    }
}
