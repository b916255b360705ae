using Microsoft.Graph.Models;

namespace Integration.Core.SharePoint.Provisioning;

/// <summary>A column the list has, as Graph describes it: its internal name, and its type read from the one type facet it carries.</summary>
public sealed record ExistingColumn(string Name, string DisplayName, ColumnKind Kind, bool Hidden, bool ReadOnly)
{
    public IReadOnlyList<string> Choices { get; init; } = [];

    public string? LookupListId { get; init; }

    public string? LookupColumn { get; init; }

    /// <summary>The properties <see cref="From"/> reads, for <c>$select</c>.</summary>
    public static readonly string[] Properties =
        ["name", "displayName", "hidden", "readOnly", "text", "dateTime", "choice", "personOrGroup", "lookup", "number", "boolean", "hyperlinkOrPicture"];

    public static ExistingColumn From(ColumnDefinition column)
    {
        var kind = column switch
        {
            { Text.AllowMultipleLines: true } => ColumnKind.Note,
            { Text: not null } => ColumnKind.Text,
            { DateTime.Format: "dateOnly" } => ColumnKind.DateOnly,
            { DateTime: not null } => ColumnKind.DateTime,
            { Choice: not null } => ColumnKind.Choice,
            { PersonOrGroup: not null } => ColumnKind.Person,
            { Lookup: not null } => ColumnKind.Lookup,
            { Number: not null } => ColumnKind.Number,
            { Boolean: not null } => ColumnKind.Boolean,
            { HyperlinkOrPicture.IsPicture: not true } => ColumnKind.Hyperlink,
            _ => ColumnKind.Other,
        };
        var name = column.Name ?? "";
        return new ExistingColumn(name, column.DisplayName is { Length: > 0 } display ? display : name, kind, column.Hidden == true, column.ReadOnly == true)
        {
            Choices = column.Choice?.Choices?.OfType<string>().ToList() ?? [],
            LookupListId = column.Lookup?.ListId,
            LookupColumn = column.Lookup?.ColumnName,
        };
    }

    /// <summary>How a type is named in the report and in <c>--json</c>.</summary>
    public static string Describe(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "text",
        ColumnKind.Note => "multi-line text",
        ColumnKind.DateOnly => "date only",
        ColumnKind.DateTime => "date and time",
        ColumnKind.Choice => "choice",
        ColumnKind.Person => "person",
        ColumnKind.Lookup => "lookup",
        ColumnKind.Number => "number",
        ColumnKind.Boolean => "yes/no",
        ColumnKind.Hyperlink => "hyperlink",
        _ => "another type",
    };
}
