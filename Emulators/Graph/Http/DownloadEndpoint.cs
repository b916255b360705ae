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

        // Counted once the whole body has gone out, so a benchmark's bytes are what a client received.
        var aborted = http.RequestAborted;
        http.Response.OnCompleted(() =>
        {
            if (!aborted.IsCancellationRequested)
            {
                context.Requests.AddDownloadedBytes(content.Length);
            }

            return Task.CompletedTask;
        });
        // Streamed, with its length: a generated file is never held whole.
        return Results.Stream(content.OpenRead(), "application/octet-stream");
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
