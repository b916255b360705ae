using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Reading and writing the OData query options that list items and drive items share. Graph accepts an
/// option with or without its <c>$</c>; options the stand-in cannot honour are refused rather than ignored,
/// so a test never trusts an answer that was not filtered.
/// </summary>
internal static class ODataOptions
{
    private static readonly string[] Unsupported = ["filter", "orderby", "search", "skip", "count"];

    public static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue("$" + name, out var value) || query.TryGetValue(name, out value) ? value.ToString() : null;

    public static bool TryRefuseUnsupported(IQueryCollection query, [NotNullWhen(true)] out string? error)
    {
        foreach (var option in Unsupported)
        {
            if (Value(query, option) is not null)
            {
                error = $"The Graph stand-in does not support ${option}.";
                return true;
            }
        }

        error = null;
        return false;
    }

    public static bool TryParseTop(IQueryCollection query, out int? top, [NotNullWhen(false)] out string? error)
    {
        top = null;
        error = null;
        if (Value(query, "top") is not { } text)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            error = $"Invalid value '{text}' for $top.";
            return false;
        }

        top = value;
        return true;
    }

    /// <summary>A page holds <c>$top</c> items, but never more than the stand-in's page size, as SharePoint caps it.</summary>
    public static int PageSize(int? top, int maxPageSize) => Math.Min(top ?? maxPageSize, maxPageSize);

    public static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinList(IEnumerable<string> names) => string.Join(',', names.Select(Uri.EscapeDataString));

    // Called for every property of every item on a page: a plain loop, no LINQ.
    public static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary><paramref name="url"/> with the non-empty query parts joined by <c>&amp;</c>.</summary>
    public static string WithQuery(string url, params string[] parts)
    {
        var query = string.Join('&', parts.Where(p => p.Length > 0));
        return query.Length == 0 ? url : $"{url}?{query}";
    }
}
