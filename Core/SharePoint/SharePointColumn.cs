using System.Text.Json;

namespace Integration.Core.SharePoint;

/// <summary>
/// A column of a list as Graph describes it (a <c>columnDefinition</c>): <see cref="Name"/> is the
/// internal name items carry in <c>fields</c>, <see cref="DisplayName"/> what people see.
/// </summary>
public sealed record SharePointColumn(string Name, string DisplayName, bool Hidden = false, bool ReadOnly = false)
{
    public static SharePointColumn Parse(JsonElement column)
    {
        string Text(string property) =>
            column.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
        bool Flag(string property) =>
            column.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

        var name = Text("name");
        return new SharePointColumn(name, Text("displayName") is { Length: > 0 } display ? display : name, Flag("hidden"), Flag("readOnly"));
    }
}
