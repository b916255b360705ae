using System.Collections.Concurrent;

namespace Integration.Core.SharePoint;

/// <summary>
/// The library columns of a page of files, read a few at a time: drive delta cannot expand them,
/// so a library source calls <see cref="LoadAsync"/> from its before-page hook and looks each file
/// up while mapping it. Holds one page at a time.
/// </summary>
public sealed class DriveItemFields(SharePointDrives drives, string driveId, IReadOnlyCollection<string> columns)
{
    /// <summary>Requests at once: enough to hide latency, few enough to stay clear of throttling.</summary>
    public const int Parallelism = 4;

    private readonly ConcurrentDictionary<string, SharePointItem?> _page = new(StringComparer.Ordinal);

    public async Task LoadAsync(IReadOnlyCollection<DriveFile> files, CancellationToken ct)
    {
        _page.Clear();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (file, token) =>
            _page[file.Id] = await drives.GetListItemAsync(driveId, file.Id, columns, token));
    }

    /// <summary>The file's list item; null when SharePoint no longer has it.</summary>
    public SharePointItem? Get(string fileId) => _page.GetValueOrDefault(fileId);
}
