namespace Integration.Core.SharePoint;

/// <summary>
/// The library columns of a page of files: drive delta cannot expand them, so a library source calls
/// <see cref="LoadAsync"/> from its before-page hook, which reads them in JSON batches (twenty files to a
/// round trip), and looks each file up while mapping it. Holds one page at a time.
/// </summary>
public sealed class DriveItemFields(SharePointDrives drives, string driveId, IReadOnlyCollection<string> columns)
{
    private Dictionary<string, SharePointItem?> _page = new(StringComparer.Ordinal);

    /// <exception cref="GraphBatchException">A file's columns could not be read (other than the file being gone): the page is not mapped on guesses.</exception>
    public async Task LoadAsync(IReadOnlyCollection<DriveFile> files, CancellationToken ct) =>
        _page = await drives.ReadListItemsAsync(driveId, files.Select(f => f.Id), columns, ct);

    /// <summary>The file's list item; null when SharePoint no longer has it.</summary>
    public SharePointItem? Get(string fileId) => _page.GetValueOrDefault(fileId);
}
