using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

/// <summary>Writes the overdue flags of plan items back to their SharePoint list items, twenty to a JSON batch.</summary>
public sealed class OverdueFlagWriter(SharePointLists lists, IOptions<SharePointOptions> sharePoint)
{
    private readonly string _column = new ColumnNames(sharePoint.Value, PlanItemColumns.List)[PlanItemColumns.OverdueFlag];

    /// <returns>
    /// Per item id: <see cref="FlagWrite.Written"/>; <see cref="FlagWrite.Gone"/> when the item was deleted in
    /// SharePoint meanwhile (the next sync tombstones it); <see cref="FlagWrite.Failed"/> when SharePoint
    /// refused or kept throttling, with the reason.
    /// </returns>
    public async Task<IReadOnlyDictionary<string, (FlagWrite Outcome, string? Error)>> WriteAsync(
        string listId, IReadOnlyCollection<(string ItemId, OverdueState State)> flags, CancellationToken ct)
    {
        var answers = await lists.UpdateFieldsAsync(listId, flags.Select(f => (f.ItemId, (IDictionary<string, object>)new Dictionary<string, object> { [_column] = f.State.ToFlag() })), ct);
        return answers.ToDictionary(a => a.Key, a => a.Value switch
        {
            { IsSuccess: true } => (FlagWrite.Written, (string?)null),
            { Status: 404 } => (FlagWrite.Gone, null),
            var failed => (FlagWrite.Failed, failed.Describe()),
        }, StringComparer.Ordinal);
    }
}

public enum FlagWrite
{
    Written,
    Gone,
    Failed,
}
