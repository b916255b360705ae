using System.Globalization;
using System.Text.Json;

namespace Integration.Emulators.Graph;

/// <summary>
/// A column of a list as <c>GET …/lists/{id}/columns</c> describes it. <see cref="Name"/> is the
/// internal name items carry in <c>fields</c> (a person or lookup column as <c>{Name}LookupId</c>).
/// </summary>
public sealed record ListColumn(string Name, string DisplayName, ColumnType Type, bool Hidden = false, bool ReadOnly = false)
{
    /// <summary>A multi-value person, lookup or choice column.</summary>
    public bool MultipleValues { get; init; }

    /// <summary>A choice column's values, as its <c>choice.choices</c> lists them.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>A lookup column's list id and the column of that list it shows (<c>lookup.listId</c>, <c>lookup.columnName</c>).</summary>
    public string LookupListId { get; init; } = "";

    public string LookupColumnName { get; init; } = "Title";

    /// <summary>
    /// The column an item's field implies when no column of that name was declared: <c>XLookupId</c>
    /// is the person column X; otherwise the type follows the value, as SharePoint stored it.
    /// </summary>
    internal static ListColumn FromField(string field, JsonElement value)
    {
        const string LookupId = "LookupId";
        if (field.Length > LookupId.Length && field.EndsWith(LookupId, StringComparison.Ordinal))
        {
            var name = field[..^LookupId.Length];
            return new ListColumn(name, name, ColumnType.PersonOrGroup);
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when IsInstant(value.GetString()) => new ListColumn(field, field, ColumnType.DateTime),
            JsonValueKind.Number => new ListColumn(field, field, ColumnType.Number),
            JsonValueKind.True or JsonValueKind.False => new ListColumn(field, field, ColumnType.Boolean),
            // Multi-value person and lookup columns are arrays of {LookupId, LookupValue, …}; multi-choice of strings.
            JsonValueKind.Array => new ListColumn(
                field, field, value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Object) ? ColumnType.PersonOrGroup : ColumnType.Choice)
            { MultipleValues = true },
            _ => new ListColumn(field, field, ColumnType.Text),
        };
    }

    private static bool IsInstant(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
