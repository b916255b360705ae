using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// The OData options a drive item request may carry: <c>$select</c> and <c>$top</c>. SharePoint refuses
/// <c>$expand=listItem</c> on drive delta, so the stand-in does too; elsewhere it refuses <c>$expand</c> because it
/// does not implement it (read <c>…/listItem</c> instead).
/// </summary>
internal sealed record DriveQuery(IReadOnlyList<string>? Select, int? Top)
{
    public static bool TryParse(IQueryCollection query, bool delta, [NotNullWhen(true)] out DriveQuery? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (ODataOptions.TryRefuseUnsupported(query, out error))
        {
            return false;
        }

        if (ODataOptions.Value(query, "expand") is { } expand)
        {
            error = delta
                ? $"The query option $expand is not supported on delta of a document library's drive ('{expand}'). Read each item's listItem separately."
                : $"The Graph stand-in does not support $expand on drive items ('{expand}'). Read …/listItem instead.";
            return false;
        }

        if (!ODataOptions.TryParseTop(query, out var top, out error))
        {
            return false;
        }

        var select = ODataOptions.Value(query, "select") is { } text ? ODataOptions.SplitList(text) : null;
        parsed = new DriveQuery(select, top);
        return true;
    }

    public int PageSize(int maxPageSize) => ODataOptions.PageSize(Top, maxPageSize);

    /// <summary>Whether a top-level property is wanted; <c>id</c> and the <c>deleted</c> facet are always written.</summary>
    public bool Selects(string property) => Select is null || ODataOptions.Contains(Select, property);

    /// <summary>The options again, for next and delta links; empty when there are none.</summary>
    public string ToQueryString() => string.Join('&', new[]
    {
        Select is null ? "" : $"$select={ODataOptions.JoinList(Select)}",
        Top is { } top ? FormattableString.Invariant($"$top={top}") : "",
    }.Where(p => p.Length > 0));
}
