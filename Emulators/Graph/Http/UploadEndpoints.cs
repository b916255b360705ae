using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Uploads into a library by path, as Graph takes them: the simple upload
/// <c>PUT /drives/{d}/root:/{name}:/content</c> (the body is the file; an existing file of that name
/// gets the new content, 200, a new one is created, 201), and the upload session
/// <c>POST /drives/{d}/root:/{name}:/createUploadSession</c>, answered 200 with an <c>uploadUrl</c>
/// outside Graph that takes the bytes in <c>Content-Range</c> slices: 202 with
/// <c>nextExpectedRanges</c> until the last, then 201 (or 200 on a replace) with the drive item.
/// A slice out of order is 416, as OneDrive answers it. Files are placed in the root folder
/// (<c>items/{parent}:/name:</c> is accepted for the root too).
/// </summary>
internal static partial class UploadEndpoints
{
    public const string SessionPath = "/_api/v2.0/uploadSession";

    private static readonly ConditionalWeakTable<StandInContext, ConcurrentDictionary<string, UploadSession>> Sessions = [];

    /// <summary><c>PUT</c> or <c>POST</c> under <c>/drives/{d}/</c>: a path-addressed upload, or Graph's 404.</summary>
    public static async Task<IResult> HandleAsync(StandInContext context, HttpContext http, string driveId, string rest)
    {
        if (PathAddress().Match(rest) is not { Success: true } match)
        {
            return GraphErrors.NotFound($"Resource not found for the segment '{rest.Split('/')[^1]}'.");
        }

        if (DriveAddress.TryResolve(context, driveId, out var library) is { } error) return error;
        if (match.Groups["parent"].Success && (!library!.TryResolve(match.Groups["parent"].Value, out var parent) || parent != DriveTree.RootId))
        {
            return GraphErrors.BadRequest("The stand-in places uploads in the library's root folder only.");
        }

        var name = Uri.UnescapeDataString(match.Groups["name"].Value);
        var action = match.Groups["action"].Value;
        if (HttpMethods.IsPut(http.Request.Method) && action.Equals("content", StringComparison.OrdinalIgnoreCase))
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            return Save(context, http, library!, name, body.ToArray());
        }

        if (HttpMethods.IsPost(http.Request.Method) && action.Equals("createUploadSession", StringComparison.OrdinalIgnoreCase))
        {
            var id = Guid.NewGuid().ToString("N");
            var expires = context.Options.Clock.GetUtcNow().AddHours(1);
            Sessions.GetOrCreateValue(context)[id] = new UploadSession(library!, name, expires);
            var url = $"{context.Origin}{SessionPath}/{id}";
            return new GraphJsonResult(200, json =>
            {
                json.WriteStartObject();
                json.WriteString("@odata.context", $"{context.BaseUrl}/$metadata#microsoft.graph.uploadSession");
                json.WriteString("uploadUrl", url);
                json.WriteString("expirationDateTime", expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                json.WriteStartArray("nextExpectedRanges");
                json.WriteStringValue("0-");
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }

        return GraphErrors.Result(405, "invalidRequest", $"{http.Request.Method} is not allowed on '{action}'.");
    }

    /// <summary>A slice of a session: <c>Content-Range: bytes 0-327679/1048576</c>.</summary>
    public static async Task<IResult> PutSliceAsync(StandInContext context, HttpContext http, string sessionId)
    {
        if (!Sessions.GetOrCreateValue(context).TryGetValue(sessionId, out var session))
        {
            return GraphErrors.NotFound("The upload session was not found or has expired.");
        }

        if (ContentRange().Match(http.Request.Headers.ContentRange.ToString()) is not { Success: true } range)
        {
            return GraphErrors.BadRequest("A slice needs a Content-Range header: bytes {start}-{end}/{total}.");
        }

        var start = long.Parse(range.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = long.Parse(range.Groups["end"].Value, CultureInfo.InvariantCulture);
        var total = long.Parse(range.Groups["total"].Value, CultureInfo.InvariantCulture);
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        lock (session)
        {
            if (start != session.Received.Length || end < start || end >= total || body.Length != end - start + 1)
            {
                return GraphErrors.Result(416, "invalidRange", $"The range {start}-{end}/{total} does not follow what was received ({session.Received.Length} bytes) or does not match the body ({body.Length} bytes).");
            }

            body.Position = 0;
            body.CopyTo(session.Received);
            if (session.Received.Length < total)
            {
                var next = session.Received.Length;
                return new GraphJsonResult(202, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("expirationDateTime", session.Expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                    json.WriteStartArray("nextExpectedRanges");
                    json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{next}-"));
                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            }
        }

        Sessions.GetOrCreateValue(context).TryRemove(sessionId, out _);
        return Save(context, http, session.Library, session.Name, session.Received.ToArray());
    }

    /// <summary>Creates the file, or gives the file of that name in the root its new content (Graph's default: replace).</summary>
    private static IResult Save(StandInContext context, HttpContext http, DocumentLibrary library, string name, byte[] content)
    {
        var existing = library.List.LiveRecords()
            .FirstOrDefault(r => r.Document is { IsFolder: false, ParentId: DriveTree.RootId } d && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        string itemId;
        int status;
        if (existing is null)
        {
            itemId = library.AddFile(name, content);
            status = 201;
        }
        else
        {
            itemId = library.ItemIdOf(existing.Id);
            library.UpdateContent(itemId, content);
            status = 200;
        }

        if (DriveAddress.TryResolveItem(library, itemId, out var record) is { } missing) return missing;
        if (!DriveQuery.TryParse(new QueryCollection(), delta: false, out var query, out var problem)) return GraphErrors.BadRequest(problem);
        var links = new DriveLinks(context, library);
        var writer = new DriveItemJsonWriter(library, DriveTree.Of(library.List), links, query);
        return new GraphJsonResult(status, json => writer.WriteItem(json, record!, single: true, links.ItemContext));
    }

    private sealed record UploadSession(DocumentLibrary Library, string Name, DateTimeOffset Expires)
    {
        public MemoryStream Received { get; } = new();
    }

    [GeneratedRegex(@"^(?:root|items/(?<parent>[^/:]+)):/(?<name>[^/]+):/(?<action>[A-Za-z.]+)$")]
    private static partial Regex PathAddress();

    [GeneratedRegex(@"^bytes (?<start>\d+)-(?<end>\d+)/(?<total>\d+)$")]
    private static partial Regex ContentRange();
}
