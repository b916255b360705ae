using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Core.PlanItems;

/// <summary>Writes the overdue flag of one plan item back to its SharePoint list item.</summary>
public sealed class OverdueFlagWriter(SharePointLists lists, IOptions<SharePointOptions> sharePoint)
{
    private readonly string _column = new ColumnNames(sharePoint.Value, PlanItemColumns.List)[PlanItemColumns.OverdueFlag];

    /// <returns>
    /// <see cref="FlagWrite.Written"/>; <see cref="FlagWrite.Gone"/> when the item was deleted in
    /// SharePoint meanwhile (the next sync tombstones it); <see cref="FlagWrite.Failed"/> when
    /// SharePoint refused or kept throttling after the SDK's retries, with the reason.
    /// </returns>
    public async Task<(FlagWrite Outcome, string? Error)> WriteAsync(string listId, string itemId, OverdueState state, CancellationToken ct)
    {
        try
        {
            await lists.UpdateFieldsAsync(listId, itemId, new Dictionary<string, object> { [_column] = state.ToFlag() }, ct);
            return (FlagWrite.Written, null);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return (FlagWrite.Gone, null);
        }
        catch (Exception ex) when (ex is ODataError or AggregateException or HttpRequestException)
        {
            return (FlagWrite.Failed, ex.Message);
        }
    }
}

public enum FlagWrite
{
    Written,
    Gone,
    Failed,
}
