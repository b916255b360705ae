namespace Integration.Emulators.Graph;

/// <summary>
/// What a document library item is on the drive side: a file (with its bytes) or a folder, its name and the
/// folder it sits in (by list item id; <see cref="DriveTree.RootId"/> for the library's root). Immutable like
/// the record that carries it; the bytes are a private copy that is never written to. <see cref="ContentHash"/>
/// is the content's QuickXorHash in base64, made once per content version.
/// </summary>
internal sealed record DocumentEntry(int ParentId, string Name, bool IsFolder, byte[] Content, string? ContentHash, int ContentVersion)
{
    public static DocumentEntry File(int parentId, string name, byte[] content) =>
        new(parentId, name, IsFolder: false, [.. content], QuickXorHash.Base64Of(content), ContentVersion: 1);

    public static DocumentEntry Folder(int parentId, string name) =>
        new(parentId, name, IsFolder: true, [], ContentHash: null, ContentVersion: 1);

    /// <summary>New bytes: a new hash and content version (the cTag's), while the name and place stay.</summary>
    public DocumentEntry WithContent(byte[] content) =>
        this with { Content = [.. content], ContentHash = QuickXorHash.Base64Of(content), ContentVersion = ContentVersion + 1 };

    public long Size => Content.Length;
}
