namespace Integration.Emulators.Graph;

/// <summary>
/// What a document library item is on the drive side: a file (with its content) or a folder, its name and the
/// folder it sits in (by list item id; <see cref="DriveTree.RootId"/> for the library's root). Immutable like
/// the record that carries it. <see cref="ContentHash"/> is the content's QuickXorHash in base64, made once per
/// content version.
/// </summary>
internal sealed record DocumentEntry(int ParentId, string Name, bool IsFolder, FileContent? Content, int ContentVersion)
{
    public static DocumentEntry File(int parentId, string name, FileContent content) =>
        new(parentId, name, IsFolder: false, content, ContentVersion: 1);

    public static DocumentEntry Folder(int parentId, string name) =>
        new(parentId, name, IsFolder: true, Content: null, ContentVersion: 1);

    /// <summary>New content: a new hash and content version (the cTag's), while the name and place stay.</summary>
    public DocumentEntry WithContent(FileContent content) =>
        this with { Content = content, ContentVersion = ContentVersion + 1 };

    public string? ContentHash => Content?.ContentHash;

    public long Size => Content?.Length ?? 0;
}
