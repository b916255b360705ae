namespace Integration.Core.SharePoint.Provisioning;

/// <summary>
/// One column a list must have: its logical name and setting (<c>SharePoint__Fields__{List}__{Column}</c>),
/// the internal name the configuration gives it, the Swedish display name it is created with, and its type.
/// </summary>
/// <param name="Accepts">
/// Other types an existing column may have and still be read right: a text column the network made a
/// choice or a multi-line column still reads as text. A column of any other type is reported, never changed.
/// </param>
public sealed record ColumnSpec(string Column, string Setting, string InternalName, string DisplayName, ColumnKind Kind, IReadOnlyList<ColumnKind> Accepts)
{
    /// <summary>
    /// For a choice: the values, one group per value the backend knows, each group the spellings it
    /// accepts (<c>Klar / Done;Klar;Done</c>). A new column gets each group's first spelling; an
    /// existing one must offer at least one spelling of each group.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Choices { get; init; } = [];

    /// <summary>For a choice: the settings the values come from, e.g. <c>SharePoint__PlanItemStatuses__*</c>.</summary>
    public string ChoicesSetting { get; init; } = "";

    /// <summary>For a lookup: the source whose list it looks into (e.g. <c>Enterprises</c>), and that list's column it shows.</summary>
    public string? LookupSource { get; init; }

    public string LookupColumn { get; init; } = "Title";

    /// <summary>The backend writes this column, so it must not be read-only.</summary>
    public bool Written { get; init; }

    /// <summary>SharePoint gives every list and library a <c>Title</c> column; it is checked, never created.</summary>
    public bool IsBuiltIn => string.Equals(InternalName, "Title", StringComparison.Ordinal);

    public bool Allows(ColumnKind kind) => kind == Kind || Accepts.Contains(kind);
}
