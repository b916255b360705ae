using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;

namespace Integration.Core.Reports;

/// <summary>
/// Puts the week's report in the network's document library (<c>SharePoint__Libraries__Reports</c>)
/// by its name, through the Graph SDK: up to 4 MB in one <c>PUT …/root:/{name}:/content</c>, larger
/// through an upload session in slices. Both replace a file of the same name, so a rerun the same
/// week leaves one file with the new content, never a second.
/// </summary>
public sealed class ReportLibrary(GraphServiceClient graph, SharePointDrives drives, IOptions<SharePointOptions> sharePoint)
{
    public const string Library = "Reports";

    /// <summary>Graph's limit for a simple upload is 250 MB; Microsoft advises a session above 4 MB.</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>A slice is a multiple of 320 KiB, as the upload session requires.</summary>
    public const int SliceSize = 10 * 320 * 1024;

    public string? Configured => sharePoint.Value.Library(Library);

    public async Task<UploadedReport> UploadAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var library = Configured ?? throw new InvalidOperationException("SharePoint__Libraries__Reports is not set.");
        var driveId = await drives.ResolveDriveIdAsync(library, ct);
        var path = graph.Drives[driveId].Root.ItemWithPath(fileName);
        DriveItem? item;
        var session = content.Length > SimpleUploadLimit;
        if (!session)
        {
            using var stream = new MemoryStream(content, writable: false);
            item = await path.Content.PutAsync(stream, cancellationToken: ct);
        }
        else
        {
            var body = new CreateUploadSessionPostRequestBody
            {
                Item = new DriveItemUploadableProperties { AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" } },
            };
            var created = await path.CreateUploadSession.PostAsync(body, cancellationToken: ct)
                ?? throw new InvalidOperationException("Graph answered the upload session request with nothing.");
            using var stream = new MemoryStream(content, writable: false);
            var task = new LargeFileUploadTask<DriveItem>(created, stream, SliceSize, graph.RequestAdapter);
            var result = await task.UploadAsync(cancellationToken: ct);
            if (!result.UploadSucceeded) throw new InvalidOperationException($"The upload session for '{fileName}' did not complete.");
            item = result.ItemResponse;
        }

        return new UploadedReport(item?.Id ?? "", item?.WebUrl, content.Length, session);
    }
}

/// <summary>The file in the library: its id, where a reader opens it, its size, and whether it went by an upload session.</summary>
public sealed record UploadedReport(string ItemId, string? WebUrl, long Bytes, bool BySession);
