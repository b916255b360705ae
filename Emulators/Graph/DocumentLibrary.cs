using System.Buffers;

namespace Integration.Emulators.Graph;

/// <summary>
/// A SharePoint document library, served both as a list on its site and as a Graph drive. Files and folders are
/// the list's items, so a change to either side is one new version with one change sequence, and drive delta
/// pages, tokens and expiry are the list's. Thread-safe: tests seed and edit while clients read.
/// </summary>
public sealed class DocumentLibrary
{
    private static readonly SearchValues<char> InvalidNameCharacters = SearchValues.Create("\"*:<>?/\\|");

    // Serialises the changes that look beyond one item: a free name in a folder, a folder's delete taking its contents.
    private readonly Lock gate = new();

    internal DocumentLibrary(SharePointList list, string driveId)
    {
        List = list;
        DriveId = driveId;
        RootGuid = DeterministicGuid.From($"{list.Guid}|root");
    }

    /// <summary>The drive id, <c>b!…</c> as SharePoint's.</summary>
    public string DriveId { get; }

    /// <summary>The id of the library as a list on its site.</summary>
    public string ListId => List.Id;

    /// <summary>The library's title; also the drive's <c>name</c>.</summary>
    public string DisplayName => List.DisplayName;

    /// <summary>Files that exist now, in every folder.</summary>
    public int FileCount => DriveTree.Of(List).FileCount;

    internal SharePointList List { get; }

    internal SharePointSite Site => List.Site;

    internal string WebUrl => List.WebUrl;

    /// <summary>The root folder's GUID, for its eTag.</summary>
    internal Guid RootGuid { get; }

    internal string RootItemId => ItemIdOf(DriveTree.RootId);

    /// <summary>Adds a file (to a folder, or the root) and returns its drive item id. <paramref name="fields"/> are its list item's columns.</summary>
    public string AddFile(string name, byte[] content, IReadOnlyDictionary<string, object?>? fields = null, string? folderId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return AddFile(name, FileContent.Stored(content), fields, folderId);
    }

    /// <summary>Adds a file whose content is made as it is read, e.g. a <see cref="GeneratedContent"/>.</summary>
    public string AddFile(string name, FileContent content, IReadOnlyDictionary<string, object?>? fields = null, string? folderId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var changes = List.ToChanges(fields ?? new Dictionary<string, object?>());
        return Add(name, folderId, parent => DocumentEntry.File(parent, name, content), FieldSet.Empty.Merge(changes));
    }

    /// <summary>Adds a folder (to another, or the root) and returns its drive item id.</summary>
    public string AddFolder(string name, string? parentFolderId = null) =>
        Add(name, parentFolderId, parent => DocumentEntry.Folder(parent, name), FieldSet.Empty);

    /// <summary>New bytes for a file: a new eTag, cTag, quickXorHash and size.</summary>
    public void UpdateContent(string itemId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        UpdateContent(itemId, FileContent.Stored(content));
    }

    /// <summary>New content for a file, made as it is read: a new eTag, cTag, quickXorHash and size.</summary>
    public void UpdateContent(string itemId, FileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = FileId(itemId);
        Change(itemId, id, record => record with { Document = record.Document!.WithContent(content) });
    }

    /// <summary>Renames a file or folder in place: a new eTag, the same content and hash.</summary>
    public void Rename(string itemId, string newName)
    {
        CheckName(newName);
        lock (gate)
        {
            var id = IdOf(itemId);
            var tree = DriveTree.Of(List);
            var entry = tree.Find(id)?.Document ?? throw Unknown(itemId);
            if (tree.HasChildNamed(entry.ParentId, newName, except: id))
            {
                throw NameTaken(newName);
            }

            Change(itemId, id, record => record with { Document = record.Document! with { Name = newName } });
        }
    }

    /// <summary>Changes the columns of the item's list item (null clears one); SharePoint gives the drive item a new eTag too.</summary>
    public void SetFields(string itemId, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var changes = List.ToChanges(fields);
        Change(itemId, IdOf(itemId), record => record with { Fields = record.Fields.Merge(changes) });
    }

    /// <summary>Deletes a file, or a folder with everything in it; each shows in the next delta as deleted.</summary>
    public void Delete(string itemId)
    {
        lock (gate)
        {
            var id = IdOf(itemId);
            var tree = DriveTree.Of(List);
            if (tree.Find(id) is null)
            {
                throw Unknown(itemId);
            }

            foreach (var contained in tree.ContentsOf(id))
            {
                List.Delete(contained);
            }

            List.Delete(id);
        }
    }

    /// <summary>Declares a library column, as a site owner adds one (see <see cref="SharePointList.DefineColumn(string, string?, ColumnType)"/>).</summary>
    public DocumentLibrary DefineColumn(string name, string? displayName = null, ColumnType type = ColumnType.Text)
    {
        List.DefineColumn(name, displayName, type);
        return this;
    }

    /// <summary>The columns of the item's list item as SharePoint holds them now; null when it is gone.</summary>
    public IReadOnlyDictionary<string, object?>? Fields(string itemId) => List.GetFields(IdOf(itemId));

    /// <summary>A copy of the file's current bytes.</summary>
    public byte[] Content(string itemId)
    {
        var entry = List.Find(FileId(itemId))?.Document ?? throw Unknown(itemId);
        using var content = entry.Content!.OpenRead();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The next delta round sends this item twice, first and last, as SharePoint sometimes does (see <see cref="SharePointList.RepeatInNextDelta"/>).</summary>
    public void RepeatInNextDelta(string itemId) => List.RepeatInNextDelta(IdOf(itemId));

    /// <summary>Every drive (and list) delta token issued so far now answers 410 Gone (resyncRequired).</summary>
    public void ExpireDeltaTokens() => List.ExpireDeltaTokens();

    internal string ItemIdOf(int listItemId) => DriveItemId.For(List.Guid, listItemId);

    /// <summary>The list item id behind a drive item id, <c>root</c> or the root's id (<see cref="DriveTree.RootId"/>).</summary>
    internal bool TryResolve(string itemRef, out int listItemId)
    {
        if (string.Equals(itemRef, "root", StringComparison.OrdinalIgnoreCase))
        {
            listItemId = DriveTree.RootId;
            return true;
        }

        return DriveItemId.TryParse(itemRef, List.Guid, out listItemId);
    }

    private string Add(string name, string? folderId, Func<int, DocumentEntry> entry, FieldSet fields)
    {
        CheckName(name);
        lock (gate)
        {
            var tree = DriveTree.Of(List);
            var parent = folderId is null ? DriveTree.RootId : IdOf(folderId);
            if (!tree.IsFolder(parent))
            {
                throw new ArgumentException($"'{folderId}' is no folder in library '{DisplayName}'.", nameof(folderId));
            }

            if (tree.HasChildNamed(parent, name))
            {
                throw NameTaken(name);
            }

            return ItemIdOf(List.Create(fields, entry(parent)).Id);
        }
    }

    private void Change(string itemId, int id, Func<ListItemRecord, ListItemRecord> change)
    {
        if (id == DriveTree.RootId || List.Change(id, change) is null)
        {
            throw Unknown(itemId);
        }
    }

    private int IdOf(string itemId) =>
        TryResolve(itemId, out var id) ? id : throw Unknown(itemId);

    private int FileId(string itemId)
    {
        var id = IdOf(itemId);
        var entry = List.Find(id)?.Document ?? throw Unknown(itemId);
        return entry.IsFolder ? throw new InvalidOperationException($"'{entry.Name}' is a folder and has no content.") : id;
    }

    private KeyNotFoundException Unknown(string itemId) => new($"Library '{DisplayName}' has no item '{itemId}'.");

    private InvalidOperationException NameTaken(string name) =>
        new($"Library '{DisplayName}' already has an item named '{name}' in that folder (nameAlreadyExists).");

    // The characters SharePoint refuses in file and folder names.
    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.AsSpan().ContainsAny(InvalidNameCharacters))
        {
            throw new ArgumentException($"'{name}' contains a character SharePoint does not allow in a name.", nameof(name));
        }
    }
}
