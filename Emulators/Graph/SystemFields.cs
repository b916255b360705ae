namespace Integration.Emulators.Graph;

/// <summary>
/// Columns SharePoint computes for every item. They cannot be written, so a seed or PATCH
/// that names one is a mistake worth reporting rather than silently shadowing.
/// </summary>
internal static class SystemFields
{
    /// <summary>SharePoint's own "System Account", the author of everything the stand-in seeds.</summary>
    public const int SystemAccountId = 1073741823;

    public static readonly IReadOnlySet<string> ReadOnlyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "ContentType", "Modified", "Created", "AuthorLookupId", "EditorLookupId", "_UIVersionString",
        "Attachments", "Edit", "LinkTitleNoMenu", "LinkTitle", "ItemChildCount", "FolderChildCount",
        "_ComplianceFlags", "_ComplianceTag", "_ComplianceTagWrittenTime", "_ComplianceTagUserId",
        // A document's name: the stand-in keeps it on the drive item, so it changes by DocumentLibrary.Rename.
        "FileLeafRef",
    };

    public static bool IsReadOnly(string name) => ReadOnlyNames.Contains(name) || IsAnnotation(name);

    /// <summary>OData annotations such as <c>@odata.type</c>, which clients may send and Graph does not store.</summary>
    public static bool IsAnnotation(string name) => name.StartsWith('@');
}
