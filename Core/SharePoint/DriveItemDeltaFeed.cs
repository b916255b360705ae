using Integration.Core.Sync;

namespace Integration.Core.SharePoint;

/// <summary>A document library's drive delta: its files, changed or deleted.</summary>
public sealed class DriveItemDeltaFeed(SharePointDrives drives) : IDeltaFeed<DriveFile>
{
    public string Kind => "library";

    public Task<string> ResolveAsync(string reference, CancellationToken ct) => drives.ResolveDriveIdAsync(reference, ct);

    public IAsyncEnumerable<FeedPage<DriveFile>> ReadAsync(string containerId, string? deltaLink, CancellationToken ct) =>
        drives.ReadDeltaAsync(containerId, deltaLink, ct);
}
