using System.Text.Json;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Writes a list's columns as Graph's <c>columnDefinition</c>: the common properties, then the one
/// type facet (<c>text</c>, <c>dateTime</c>, <c>choice</c>, …) that says what the column holds.
/// Only what <c>$select</c> names is written, as Graph does.
/// </summary>
internal sealed class ColumnJsonWriter(SharePointList list, IReadOnlyList<string>? select)
{
    private static readonly string[] Common =
        ["description", "displayName", "enforceUniqueValues", "hidden", "id", "indexed", "name", "readOnly", "required"];

    private static readonly string[] Facets =
        ["boolean", "calculated", "choice", "currency", "dateTime", "geolocation", "hyperlinkOrPicture", "lookup", "number", "personOrGroup", "text"];

    /// <summary>Whether Graph knows <paramref name="property"/> on a list's column (what <c>$select</c> may name).</summary>
    public static bool IsProperty(string property) =>
        ODataOptions.Contains(Common, property) || ODataOptions.Contains(Facets, property) || property.Equals("columnGroup", StringComparison.OrdinalIgnoreCase);

    /// <summary>Graph leaves hidden columns out unless <c>hidden</c> is selected.</summary>
    public bool Lists(ListColumn column) => !column.Hidden || (select is not null && ODataOptions.Contains(select, "hidden"));

    public void Write(Utf8JsonWriter writer, ListColumn column)
    {
        writer.WriteStartObject();
        if (Selects("description")) writer.WriteString("description", "");
        if (Selects("displayName")) writer.WriteString("displayName", column.DisplayName);
        if (Selects("enforceUniqueValues")) writer.WriteBoolean("enforceUniqueValues", false);
        if (Selects("hidden")) writer.WriteBoolean("hidden", column.Hidden);
        if (Selects("id")) writer.WriteString("id", DeterministicGuid.From($"{list.Guid}|column|{column.Name}").ToString());
        if (Selects("indexed")) writer.WriteBoolean("indexed", column.Name == "ID");
        if (Selects("name")) writer.WriteString("name", column.Name);
        if (Selects("readOnly")) writer.WriteBoolean("readOnly", column.ReadOnly);
        if (Selects("required")) writer.WriteBoolean("required", false);
        if (FacetOf(column.Type) is { } facet && Selects(facet))
        {
            writer.WriteStartObject(facet);
            WriteFacet(writer, column);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private bool Selects(string property) => select is null || ODataOptions.Contains(select, property);

    // SharePoint's computed columns have no facet in Graph.
    private static string? FacetOf(ColumnType type) => type switch
    {
        ColumnType.Text or ColumnType.MultilineText => "text",
        ColumnType.DateOnly or ColumnType.DateTime => "dateTime",
        ColumnType.Choice => "choice",
        ColumnType.PersonOrGroup => "personOrGroup",
        ColumnType.Lookup => "lookup",
        ColumnType.Boolean => "boolean",
        ColumnType.Number => "number",
        ColumnType.Hyperlink => "hyperlinkOrPicture",
        _ => null,
    };

    private static void WriteFacet(Utf8JsonWriter writer, ListColumn column)
    {
        switch (column.Type)
        {
            case ColumnType.Text:
                writer.WriteBoolean("allowMultipleLines", false);
                writer.WriteBoolean("appendChangesToExistingText", false);
                writer.WriteNumber("linesForEditing", 0);
                writer.WriteNumber("maxLength", 255);
                break;
            case ColumnType.MultilineText:
                writer.WriteBoolean("allowMultipleLines", true);
                writer.WriteBoolean("appendChangesToExistingText", false);
                writer.WriteNumber("linesForEditing", 6);
                break;
            case ColumnType.DateOnly or ColumnType.DateTime:
                writer.WriteString("displayAs", "default");
                writer.WriteString("format", column.Type == ColumnType.DateOnly ? "dateOnly" : "dateTime");
                break;
            case ColumnType.Choice:
                writer.WriteBoolean("allowTextEntry", false);
                writer.WriteStartArray("choices");
                foreach (var choice in column.Choices) writer.WriteStringValue(choice);
                writer.WriteEndArray();
                writer.WriteString("displayAs", column.MultipleValues ? "checkBoxes" : "dropDownMenu");
                break;
            case ColumnType.PersonOrGroup:
                writer.WriteBoolean("allowMultipleSelection", column.MultipleValues);
                writer.WriteString("chooseFromType", "peopleOnly");
                writer.WriteString("displayAs", "account");
                break;
            case ColumnType.Lookup:
                writer.WriteBoolean("allowMultipleValues", column.MultipleValues);
                writer.WriteBoolean("allowUnlimitedLength", false);
                writer.WriteString("columnName", column.LookupColumnName);
                writer.WriteString("listId", column.LookupListId);
                break;
            case ColumnType.Number:
                writer.WriteString("decimalPlaces", "automatic");
                writer.WriteString("displayAs", "number");
                break;
            case ColumnType.Hyperlink:
                writer.WriteBoolean("isPicture", false);
                break;
        }
    }
}
