using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// The OData options an item request may carry: <c>$expand=fields</c> (optionally <c>fields($select=a,b)</c>),
/// <c>$select</c> and <c>$top</c>, read and refused as <see cref="ODataOptions"/> says.
/// </summary>
internal sealed record ItemQuery(bool ExpandFields, IReadOnlyList<string>? FieldSelect, IReadOnlyList<string>? Select, int? Top)
{
    public static bool TryParse(IQueryCollection query, [NotNullWhen(true)] out ItemQuery? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (ODataOptions.TryRefuseUnsupported(query, out error))
        {
            return false;
        }

        var expandFields = false;
        IReadOnlyList<string>? fieldSelect = null;
        if (ODataOptions.Value(query, "expand") is { } expand && !TryParseExpand(expand, out expandFields, out fieldSelect, out error))
        {
            return false;
        }

        if (!ODataOptions.TryParseTop(query, out var top, out error))
        {
            return false;
        }

        var select = ODataOptions.Value(query, "select") is { } selectText ? ODataOptions.SplitList(selectText) : null;
        parsed = new ItemQuery(expandFields, fieldSelect, select, top);
        error = null;
        return true;
    }

    public int PageSize(int maxPageSize) => ODataOptions.PageSize(Top, maxPageSize);

    /// <summary>Whether a top-level item property is wanted.</summary>
    public bool Selects(string property) => Select is null || ODataOptions.Contains(Select, property);

    /// <summary>Whether a column inside <c>fields</c> is wanted.</summary>
    public bool SelectsField(string name) => FieldSelect is null || ODataOptions.Contains(FieldSelect, name);

    /// <summary>The options again, for next and delta links; empty when there are none.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (ExpandFields)
        {
            parts.Add(FieldSelect is null ? "$expand=fields" : $"$expand=fields($select={ODataOptions.JoinList(FieldSelect)})");
        }

        if (Select is not null)
        {
            parts.Add($"$select={ODataOptions.JoinList(Select)}");
        }

        if (Top is { } top)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"$top={top}"));
        }

        return string.Join('&', parts);
    }

    private static bool TryParseExpand(
        string expand, out bool expandFields, out IReadOnlyList<string>? fieldSelect, [NotNullWhen(false)] out string? error)
    {
        expandFields = false;
        fieldSelect = null;
        foreach (var item in SplitOutsideParentheses(expand))
        {
            var open = item.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? item : item[..open]).Trim();
            if (!name.Equals("fields", StringComparison.OrdinalIgnoreCase))
            {
                error = $"Could not find a property named '{name}' on type 'microsoft.graph.listItem'.";
                return false;
            }

            expandFields = true;
            if (open < 0)
            {
                continue;
            }

            var options = item[(open + 1)..].TrimEnd().TrimEnd(')');
            foreach (var option in options.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                var optionName = equals < 0 ? option : option[..equals].TrimStart('$');
                if (!optionName.Equals("select", StringComparison.OrdinalIgnoreCase))
                {
                    error = $"The Graph stand-in supports only $select inside fields(...), not '{option}'.";
                    return false;
                }

                fieldSelect = ODataOptions.SplitList(option[(equals + 1)..]);
            }
        }

        error = null;
        return true;
    }

    private static List<string> SplitOutsideParentheses(string text)
    {
        var items = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                items.Add(text[start..i]);
                start = i + 1;
            }
        }

        items.Add(text[start..]);
        return items;
    }
}
