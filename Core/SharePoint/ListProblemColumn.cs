using Integration.Core.Sync;
using Integration.Core.Sync.Problems;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Core.SharePoint;

/// <summary>
/// The data-problem column of a SharePoint list: read from the item as the feed selected it, written with
/// a fields PATCH. SharePoint refuses a field the list does not have ("Field 'X' is not recognized"),
/// which is told apart from other refusals so the source can go on without the write-back.
/// </summary>
/// <param name="itemOf">The list item behind the feed's item.</param>
/// <param name="titleColumn">The column people know the item by (its internal name).</param>
/// <param name="noun">What an item is called in Swedish ("Avtal"), to name one without a title by its row.</param>
/// <param name="owner">The person the item names as its owner, when the list has one.</param>
public sealed class ListProblemColumn<TItem>(
    SharePointLists lists, ColumnNames columns, Func<TItem, SharePointItem> itemOf, string titleColumn, string noun, Func<SharePointItem, string?>? owner = null)
    : IProblemColumn<TItem> where TItem : IFeedItem
{
    public string Setting => columns.Setting(DataProblemColumn.Name);

    public string? InternalName => columns.DataProblem;

    public string? Current(TItem item) => InternalName is { } column ? itemOf(item).Text(column) : null;

    public string Describe(TItem item) => itemOf(item).Text(titleColumn)?.Trim() is { Length: > 0 } title ? title : $"{noun}, rad {item.Id}";

    public string? OwnerLookupId(TItem item) => owner?.Invoke(itemOf(item));

    public async Task WriteAsync(string containerId, TItem item, string? text, CancellationToken ct)
    {
        var column = InternalName ?? throw new InvalidOperationException("The data-problem write-back is off.");
        try
        {
            await lists.UpdateFieldsAsync(containerId, item.Id, new Dictionary<string, object> { [column] = text! }, ct);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 400 && ListProblemColumn.IsUnknownField(error, column))
        {
            throw new ProblemColumnMissingException($"the list has no column with the internal name '{column}' ({error.Error?.Message}).", error);
        }
    }

}

/// <summary>SharePoint's words for a field the list does not have: "Field 'X' is not recognized".</summary>
public static class ListProblemColumn
{
    public static bool IsUnknownField(ODataError error, string column) =>
        error.Error?.Message is { } message
        && message.Contains("not recognized", StringComparison.OrdinalIgnoreCase)
        && message.Contains(column, StringComparison.Ordinal);
}
