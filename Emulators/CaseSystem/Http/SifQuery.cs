using System.Text.Json;
using System.Text.RegularExpressions;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>Filtering and paging shared by <c>GetCases</c> and <c>GetDocuments</c>.</summary>
internal static class SifQuery
{
    /// <summary>
    /// Refuses a filter the stand-in does not apply, so that a caller relying on it finds out here
    /// rather than getting every record back.
    /// </summary>
    public static void RefuseUnsupported(SifParameter parameter, params ReadOnlySpan<string> filters)
    {
        foreach (var filter in filters)
        {
            if (parameter.IsGiven(filter))
            {
                throw new SifBusinessException($"The stand-in does not filter on {filter}.");
            }
        }
    }

    /// <summary>A title filter: case-insensitive, whole title, with <c>%</c> standing for any text.</summary>
    public static Func<string, bool> Title(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return static _ => true;
        }

        var regex = new Regex(
            "^" + string.Join(".*", pattern.Split('%').Select(Regex.Escape)) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
        return regex.IsMatch;
    }

    /// <summary>
    /// Every wanted name/value pair is among the record's fields. Values compare without trailing spaces,
    /// since SIF pads fixed-width fields (<c>"232291-0     "</c>).
    /// </summary>
    public static bool HasFields(IEnumerable<KeyValuePair<string, string?>> fields, IReadOnlyDictionary<string, string?> wanted)
    {
        if (wanted.Count == 0)
        {
            return true;
        }

        var have = new Dictionary<string, string?>(fields, StringComparer.OrdinalIgnoreCase);
        return wanted.All(w => have.TryGetValue(w.Key, out var value)
            && string.Equals(value?.TrimEnd(), w.Value?.TrimEnd(), StringComparison.Ordinal));
    }

    /// <summary>
    /// One page of the matches in recno order (<c>RecnoAscending</c> unless the sort asks for
    /// <c>RecnoDescending</c>). Pages count from 0; a page size that is missing or not positive takes the default.
    /// </summary>
    public static Page<T> Paginate<T>(IReadOnlyList<T> matches, Func<T, int> recno, SifParameter parameter, string sizeField, string sortField, int defaultSize)
    {
        var size = parameter.Int(sizeField) is { } given && given > 0 ? given : defaultSize;
        var page = parameter.Int("Page") ?? 0;
        if (page < 0)
        {
            throw new SifBusinessException("Page must be 0 or more.");
        }

        var sort = parameter.String(sortField);
        var ordered = sort switch
        {
            null or "" or "RecnoAscending" => matches.OrderBy(recno),
            "RecnoDescending" => matches.OrderByDescending(recno),
            _ => throw new SifBusinessException($"The stand-in does not sort by {sort}; it knows RecnoAscending and RecnoDescending."),
        };
        var items = ordered.Skip((int)Math.Min(int.MaxValue, (long)page * size)).Take(size).ToList();
        return new Page<T>(items, matches.Count, (matches.Count + size - 1) / size);
    }

    public static void WritePaging<T>(Utf8JsonWriter answer, Page<T> page)
    {
        answer.WriteNumber("TotalPageCount", page.TotalPageCount);
        answer.WriteNumber("TotalCount", page.TotalCount);
    }

    internal sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, int TotalPageCount);
}
