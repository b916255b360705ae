using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Where <c>…/content</c> redirects: SharePoint's <c>download.aspx</c>, which answers the bytes to anyone holding
/// the URL. It serves the file as it is when downloaded (or what <see cref="FaultInjector.ServeInstead(string, FileContent, int)"/>
/// put in its place); a deleted file answers 404.
/// </summary>
internal static class DownloadEndpoint
{
    public const string Path = "/_layouts/15/download.aspx";

    public static string TempAuth(DocumentLibrary library, int listItemId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{library.DriveId}|{listItemId}")));

    public static IResult Get(StandInContext context, HttpContext http)
    {
        if (Resolve(context, http.Request.Query["tempauth"].ToString()) is not ({ } library, { Document: { IsFolder: false, Content: { } stored } } record))
        {
            return GraphErrors.NotFound("The file could not be found.");
        }

        var content = context.Faults.TryTakeDownload(library.ItemIdOf(record.Id)) ?? stored;
        return new StreamedFile(content, context.Requests);
    }

    /// <summary>
    /// Streams the file with its length (a generated file is never held whole) and counts its bytes once every
    /// chunk was taken by the connection. A client that stops reading and closes completes the connection's
    /// output pipe, so the next flush says so; the request-aborted token alone is raised later, on another thread,
    /// and a copy that had already run to the end would be counted as sent.
    /// </summary>
    private sealed class StreamedFile(FileContent content, RequestLog requests) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/octet-stream";
            http.Response.ContentLength = content.Length;
            var aborted = http.RequestAborted;
            await using var source = content.OpenRead();
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, aborted)) > 0)
            {
                var flushed = await http.Response.BodyWriter.WriteAsync(buffer.AsMemory(0, read), aborted);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }

            if (!aborted.IsCancellationRequested)
            {
                requests.AddDownloadedBytes(content.Length);
            }
        }
    }

    private static (DocumentLibrary? Library, ListItemRecord? Record) Resolve(StandInContext context, string tempAuth)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(tempAuth));
        }
        catch (FormatException)
        {
            return default;
        }

        var separator = text.LastIndexOf('|');
        if (separator < 0 || !int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return default;
        }

        var library = context.State.FindDrive(text[..separator]);
        return (library, library?.List.Find(id));
    }
}
