namespace Integration.Emulators.Graph;

/// <param name="Downloads">Graph <c>GET …/content</c> requests answered with the download redirect.</param>
/// <param name="Bytes">File bytes the download URL sent in full.</param>
public sealed record DownloadCounts(int Downloads, long Bytes)
{
    public static readonly DownloadCounts None = new(0, 0);
}
