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

    public async Task<IReadOnlyDictionary<string, ProblemWrite>> WriteAsync(string containerId, IReadOnlyList<(TItem Item, string? Text)> writes, CancellationToken ct)
    {
        var column = InternalName ?? throw new InvalidOperationException("The data-problem write-back is off.");
        var answers = await lists.UpdateFieldsAsync(containerId, writes.Select(w => (w.Item.Id, ListProblemColumn.Values(column, w.Text))), ct);
        return ListProblemColumn.Outcomes(answers, column, "list");
    }
}

/// <summary>SharePoint's words for a field the list does not have: "Field 'X' is not recognized".</summary>
public static class ListProblemColumn
{
    public static bool IsUnknownField(ODataError error, string column) => IsUnknownField(error.ResponseStatusCode, error.Error?.Message, column);

    public static bool IsUnknownField(int status, string? message, string column) =>
        status == 400
        && message is not null
        && message.Contains("not recognized", StringComparison.OrdinalIgnoreCase)
        && message.Contains(column, StringComparison.Ordinal);

    /// <summary>The PATCH body that writes a text to the column, or clears it (a JSON null).</summary>
    internal static IDictionary<string, object> Values(string column, string? text) => new Dictionary<string, object> { [column] = text! };

    /// <summary>Each item's outcome; a refusal naming the column as unknown means the list or library has no such column.</summary>
    /// <exception cref="ProblemColumnMissingException">SharePoint does not recognise the column.</exception>
    internal static Dictionary<string, ProblemWrite> Outcomes(IReadOnlyDictionary<string, GraphAnswer> answers, string column, string container)
    {
        if (answers.Values.FirstOrDefault(a => IsUnknownField(a.Status, a.ErrorMessage, column)) is { } unknown)
        {
            throw new ProblemColumnMissingException($"the {container} has no column with the internal name '{column}' ({unknown.ErrorMessage}).");
        }

        return answers.ToDictionary(a => a.Key, a => a.Value switch
        {
            { IsSuccess: true } => ProblemWrite.Written,
            { Status: 404 } => ProblemWrite.Gone,
            _ => ProblemWrite.Failed,
        }, StringComparer.Ordinal);
    }
}
