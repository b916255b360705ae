using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Where <c>…/content</c> redirects: SharePoint's <c>download.aspx</c>, which answers the bytes to anyone holding
/// the URL. It serves the file as it is when downloaded; a deleted file answers 404.
/// </summary>
internal static class DownloadEndpoint
{
    public const string Path = "/_layouts/15/download.aspx";

    public static string TempAuth(DocumentLibrary library, int listItemId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{library.DriveId}|{listItemId}")));

    public static IResult Get(StandInContext context, HttpContext http)
    {
        if (Resolve(context, http.Request.Query["tempauth"].ToString()) is not { Document: { IsFolder: false } document })
        {
            return GraphErrors.NotFound("The file could not be found.");
        }

        return Results.Bytes(document.Content, "application/octet-stream");
    }

    private static ListItemRecord? Resolve(StandInContext context, string tempAuth)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(tempAuth));
        }
        catch (FormatException)
        {
            return null;
        }

        var separator = text.LastIndexOf('|');
        if (separator < 0 || !int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return context.State.FindDrive(text[..separator])?.List.Find(id);
    }
}
