namespace Integration.Emulators.Graph;

/// <summary>
/// A library's live files and folders at one moment, as a tree: what a drive item's answer needs beyond its own
/// record (a folder's child count and size, the folder path) and what a change must check (a free name, a folder's
/// contents). Built from immutable records, so it is read without a lock.
/// </summary>
internal sealed class DriveTree
{
    /// <summary>The library's root folder, which is no list item: SharePoint's list item ids start at 1.</summary>
    public const int RootId = 0;

    private readonly Dictionary<int, ListItemRecord> items;
    private readonly Dictionary<int, List<ListItemRecord>> children = [];
    private readonly Dictionary<int, long> folderSizes = [];

    private DriveTree(IEnumerable<ListItemRecord> live)
    {
        items = live.Where(r => r.Document is not null).ToDictionary(r => r.Id);
        foreach (var record in items.Values)
        {
            var parent = record.Document!.ParentId;
            if (!children.TryGetValue(parent, out var siblings))
            {
                children[parent] = siblings = [];
            }

            siblings.Add(record);
            // A folder's size is the bytes of every file below it, as SharePoint reports it.
            for (var folder = parent; ; folder = items.TryGetValue(folder, out var up) ? up.Document!.ParentId : RootId)
            {
                folderSizes[folder] = folderSizes.GetValueOrDefault(folder) + record.Document.Size;
                if (folder == RootId)
                {
                    break;
                }
            }
        }
    }

    public static DriveTree Of(SharePointList list) => new(list.LiveRecords());

    public int FileCount => items.Values.Count(r => !r.Document!.IsFolder);

    public ListItemRecord? Find(int id) => items.GetValueOrDefault(id);

    public bool IsFolder(int id) => id == RootId || items.GetValueOrDefault(id)?.Document?.IsFolder == true;

    public int ChildCount(int folderId) => children.GetValueOrDefault(folderId)?.Count ?? 0;

    public long FolderSize(int folderId) => folderSizes.GetValueOrDefault(folderId);

    /// <summary>Whether the folder holds an item of that name other than <paramref name="except"/>; names are case-insensitive.</summary>
    public bool HasChildNamed(int folderId, string name, int except = -1) =>
        children.GetValueOrDefault(folderId)?.Any(c => c.Id != except && string.Equals(c.Document!.Name, name, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The names of the folders from below the root down to this one; none for the root.</summary>
    public IReadOnlyList<string> PathOf(int folderId)
    {
        var names = new List<string>();
        for (var folder = folderId; folder != RootId && items.TryGetValue(folder, out var record); folder = record.Document!.ParentId)
        {
            names.Add(record.Document!.Name);
        }

        names.Reverse();
        return names;
    }

    /// <summary>Everything inside the folder, deepest first, so deleting in this order never leaves an item without its folder.</summary>
    public List<int> ContentsOf(int folderId)
    {
        var result = new List<int>();
        foreach (var child in children.GetValueOrDefault(folderId) ?? [])
        {
            result.AddRange(ContentsOf(child.Id));
            result.Add(child.Id);
        }

        return result;
    }
}
