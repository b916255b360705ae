using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// The OData options an item request may carry: <c>$expand=fields</c> (optionally <c>fields($select=a,b)</c>),
/// <c>$select</c> and <c>$top</c>. Graph accepts them with or without the <c>$</c>. Options the stand-in
/// cannot honour are refused rather than ignored, so a test never trusts an answer that was not filtered.
/// </summary>
internal sealed record ItemQuery(bool ExpandFields, IReadOnlyList<string>? FieldSelect, IReadOnlyList<string>? Select, int? Top)
{
    private static readonly string[] Unsupported = ["filter", "orderby", "search", "skip", "count"];

    public static bool TryParse(IQueryCollection query, [NotNullWhen(true)] out ItemQuery? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        foreach (var option in Unsupported)
        {
            if (Value(query, option) is not null)
            {
                error = $"The Graph stand-in does not support ${option}.";
                return false;
            }
        }

        var expandFields = false;
        IReadOnlyList<string>? fieldSelect = null;
        if (Value(query, "expand") is { } expand && !TryParseExpand(expand, out expandFields, out fieldSelect, out error))
        {
            return false;
        }

        int? top = null;
        if (Value(query, "top") is { } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"Invalid value '{topText}' for $top.";
                return false;
            }

            top = value;
        }

        var select = Value(query, "select") is { } selectText ? SplitList(selectText) : null;
        parsed = new ItemQuery(expandFields, fieldSelect, select, top);
        error = null;
        return true;
    }

    public int PageSize(int maxPageSize) => Math.Min(Top ?? maxPageSize, maxPageSize);

    /// <summary>Whether a top-level item property is wanted.</summary>
    public bool Selects(string property) => Select is null || Contains(Select, property);

    /// <summary>Whether a column inside <c>fields</c> is wanted.</summary>
    public bool SelectsField(string name) => FieldSelect is null || Contains(FieldSelect, name);

    // Called for every property of every item on a page: a plain loop, no LINQ.
    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>The options again, for next and delta links; empty when there are none.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (ExpandFields)
        {
            parts.Add(FieldSelect is null ? "$expand=fields" : $"$expand=fields($select={Join(FieldSelect)})");
        }

        if (Select is not null)
        {
            parts.Add($"$select={Join(Select)}");
        }

        if (Top is { } top)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"$top={top}"));
        }

        return string.Join('&', parts);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue("$" + name, out var value) || query.TryGetValue(name, out value) ? value.ToString() : null;

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

                fieldSelect = SplitList(option[(equals + 1)..]);
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

    private static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Join(IEnumerable<string> names) => string.Join(',', names.Select(Uri.EscapeDataString));
}
