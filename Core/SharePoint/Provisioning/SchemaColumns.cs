namespace Integration.Core.SharePoint.Provisioning;

/// <summary>
/// Builds a list's <see cref="ColumnSpec"/>s under the configured internal names (<see cref="ColumnNames"/>),
/// so a feature's schema reads as its columns, their Swedish names and their types.
/// </summary>
public sealed class SchemaColumns(ColumnNames names)
{
    private static readonly ColumnKind[] TextLike = [ColumnKind.Text, ColumnKind.Note, ColumnKind.Choice];

    private readonly List<ColumnSpec> _columns = [];

    public IReadOnlyList<ColumnSpec> Columns => _columns;

    /// <summary>Single line of text; an existing multi-line or choice column reads as text too.</summary>
    public SchemaColumns Text(string column, string displayName, string? defaultName = null, bool written = false) =>
        Add(column, displayName, ColumnKind.Text, TextLike, defaultName, written);

    /// <summary>Multiple lines of text; an existing single-line or choice column reads as text too.</summary>
    public SchemaColumns Note(string column, string displayName, bool written = false) =>
        Add(column, displayName, ColumnKind.Note, TextLike, null, written);

    public SchemaColumns DateOnly(string column, string displayName) => Add(column, displayName, ColumnKind.DateOnly, [], null, false);

    public SchemaColumns DateTime(string column, string displayName) => Add(column, displayName, ColumnKind.DateTime, [], null, false);

    public SchemaColumns Number(string column, string displayName) => Add(column, displayName, ColumnKind.Number, [], null, false);

    public SchemaColumns Boolean(string column, string displayName) => Add(column, displayName, ColumnKind.Boolean, [], null, false);

    public SchemaColumns Person(string column, string displayName) => Add(column, displayName, ColumnKind.Person, [], null, false);

    /// <summary>A link; an existing text column holding the address reads as well.</summary>
    public SchemaColumns Hyperlink(string column, string displayName) =>
        Add(column, displayName, ColumnKind.Hyperlink, [ColumnKind.Text, ColumnKind.Note], null, false);

    /// <summary>A choice of <paramref name="choices"/>: one group of accepted spellings per value, from <paramref name="setting"/>.</summary>
    public SchemaColumns Choice(string column, string displayName, IEnumerable<IReadOnlyList<string>> choices, string setting)
    {
        Add(column, displayName, ColumnKind.Choice, [], null, false);
        _columns[^1] = _columns[^1] with { Choices = [.. choices.Where(g => g.Count > 0)], ChoicesSetting = setting };
        return this;
    }

    /// <summary>A lookup into <paramref name="source"/>'s list, showing its <paramref name="lookupColumn"/>.</summary>
    public SchemaColumns Lookup(string column, string displayName, string source, string lookupColumn = "Title")
    {
        Add(column, displayName, ColumnKind.Lookup, [], null, false);
        _columns[^1] = _columns[^1] with { LookupSource = source, LookupColumn = lookupColumn };
        return this;
    }

    /// <summary>
    /// The column the night writes an item's data problems to, in Swedish (<see cref="DataProblemColumn"/>);
    /// none when its setting is set empty, which turns the write-back off.
    /// </summary>
    public SchemaColumns DataProblem() =>
        string.IsNullOrWhiteSpace(names[DataProblemColumn.Name])
            ? this
            : Note(DataProblemColumn.Name, DataProblemColumn.DisplayName, written: true);

    /// <summary>Splits a <c>;</c>-separated setting of accepted spellings into one choice group.</summary>
    public static IReadOnlyList<string> Spellings(string? setting) =>
        (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private SchemaColumns Add(string column, string displayName, ColumnKind kind, IReadOnlyList<ColumnKind> accepts, string? defaultName, bool written)
    {
        var internalName = defaultName is null ? names[column] : names[column, defaultName];
        _columns.Add(new ColumnSpec(column, names.Setting(column), internalName, displayName, kind, accepts) { Written = written });
        return this;
    }
}
