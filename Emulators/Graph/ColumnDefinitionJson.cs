using System.Text.Json;

namespace Integration.Emulators.Graph;

/// <summary>
/// Reads a <c>columnDefinition</c> a client posts (on its own or inside a new list's <c>columns</c>):
/// its <c>name</c>, <c>displayName</c> and the one type facet, as Graph takes them. A definition Graph
/// would refuse gets the reason it gives.
/// </summary>
internal static class ColumnDefinitionJson
{
    private static readonly string[] Facets = ["text", "dateTime", "choice", "personOrGroup", "lookup", "number", "boolean", "hyperlinkOrPicture"];

    public static ListColumn? Read(JsonElement definition, SharePointSite site, out string? problem)
    {
        problem = null;
        if (definition.ValueKind != JsonValueKind.Object)
        {
            problem = "A column definition must be a JSON object.";
            return null;
        }

        var name = Text(definition, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            problem = "The column's 'name' is required.";
            return null;
        }

        if (name.EndsWith("LookupId", StringComparison.Ordinal) || name.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or '"' or '#' or '%' or '&' or '?'))
        {
            problem = $"'{name}' is not a valid column name.";
            return null;
        }

        var facets = Facets.Where(f => definition.TryGetProperty(f, out var facet) && facet.ValueKind == JsonValueKind.Object).ToList();
        if (facets.Count != 1)
        {
            problem = facets.Count == 0
                ? $"Column '{name}' names no type facet the Graph stand-in knows (text, dateTime, choice, personOrGroup, lookup, number, boolean, hyperlinkOrPicture)."
                : $"Column '{name}' names more than one type: {string.Join(", ", facets)}.";
            return null;
        }

        var displayName = Text(definition, "displayName") is { Length: > 0 } display ? display : name;
        var body = definition.GetProperty(facets[0]);
        switch (facets[0])
        {
            case "text":
                return new ListColumn(name, displayName, Flag(body, "allowMultipleLines") ? ColumnType.MultilineText : ColumnType.Text);
            case "dateTime":
                return new ListColumn(name, displayName, Text(body, "format") == "dateOnly" ? ColumnType.DateOnly : ColumnType.DateTime);
            case "choice":
                var choices = body.TryGetProperty("choices", out var values) && values.ValueKind == JsonValueKind.Array
                    ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
                    : [];
                return new ListColumn(name, displayName, ColumnType.Choice) { Choices = choices, MultipleValues = Text(body, "displayAs") == "checkBoxes" };
            case "personOrGroup":
                return new ListColumn(name, displayName, ColumnType.PersonOrGroup) { MultipleValues = Flag(body, "allowMultipleSelection") };
            case "lookup":
                var listId = Text(body, "listId");
                if (string.IsNullOrEmpty(listId) || site.FindList(listId) is not { } target)
                {
                    problem = $"The lookup column '{name}' names list '{listId}', which is not on the site.";
                    return null;
                }

                return new ListColumn(name, displayName, ColumnType.Lookup)
                {
                    LookupListId = target.Id,
                    LookupColumnName = Text(body, "columnName") is { Length: > 0 } shown ? shown : "Title",
                    MultipleValues = Flag(body, "allowMultipleValues"),
                };
            case "number":
                return new ListColumn(name, displayName, ColumnType.Number);
            case "boolean":
                return new ListColumn(name, displayName, ColumnType.Boolean);
            default:
                if (Flag(body, "isPicture"))
                {
                    problem = "The Graph stand-in does not create picture columns.";
                    return null;
                }

                return new ListColumn(name, displayName, ColumnType.Hyperlink);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
