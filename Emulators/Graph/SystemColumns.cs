namespace Integration.Emulators.Graph;

/// <summary>
/// The columns SharePoint gives every list, as Graph lists them: the ones computed for each item
/// (<see cref="SystemFields"/>) and a few hidden ones, after the list's own.
/// </summary>
internal static class SystemColumns
{
    /// <summary>Every list starts with a Title column; a library's first column is the file name.</summary>
    public static IReadOnlyList<ListColumn> BuiltIn(ListKind kind) => kind == ListKind.DocumentLibrary
        ? [new("FileLeafRef", "Name", ColumnType.Text), new("Title", "Title", ColumnType.Text)]
        : [new("Title", "Title", ColumnType.Text)];

    public static readonly IReadOnlyList<ListColumn> Trailing =
    [
        new("ID", "ID", ColumnType.Number, ReadOnly: true),
        new("ContentType", "Content Type", ColumnType.Computed, ReadOnly: true),
        new("Modified", "Modified", ColumnType.DateTime, ReadOnly: true),
        new("Created", "Created", ColumnType.DateTime, ReadOnly: true),
        new("Author", "Created By", ColumnType.PersonOrGroup, ReadOnly: true),
        new("Editor", "Modified By", ColumnType.PersonOrGroup, ReadOnly: true),
        new("_UIVersionString", "Version", ColumnType.Text, ReadOnly: true),
        new("Attachments", "Attachments", ColumnType.Boolean, ReadOnly: true),
        new("Edit", "Edit", ColumnType.Computed, ReadOnly: true),
        new("LinkTitleNoMenu", "Title", ColumnType.Computed, ReadOnly: true),
        new("LinkTitle", "Title", ColumnType.Computed, ReadOnly: true),
        new("DocIcon", "Type", ColumnType.Computed, ReadOnly: true),
        new("ItemChildCount", "Item Child Count", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("FolderChildCount", "Folder Child Count", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("_ComplianceFlags", "Label setting", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("_ComplianceTag", "Retention label", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("_ComplianceTagWrittenTime", "Retention label Applied", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("_ComplianceTagUserId", "Label applied by", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("_IsRecord", "Item is a Record", ColumnType.Computed, Hidden: true, ReadOnly: true),
        new("AppAuthor", "App Created By", ColumnType.Lookup, Hidden: true, ReadOnly: true),
        new("AppEditor", "App Modified By", ColumnType.Lookup, Hidden: true, ReadOnly: true),
    ];

    /// <summary>Whether <paramref name="name"/> is SharePoint's own, which a list cannot redefine.</summary>
    public static bool IsSystem(string name) =>
        Trailing.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) || SystemFields.IsReadOnly(name);
}
