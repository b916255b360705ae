using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Integration.Emulators.Graph;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// Uploads by path, as Graph answers them: the simple PUT creates (201) or replaces (200) the file
/// of that name; an upload session takes Content-Range slices (202 with the next range, then the
/// item) and refuses a slice out of order with 416.
/// </summary>
public class GraphStandInUploadTests : GraphStandInTest
{
    private DocumentLibrary Reports { get; set; } = null!;

    protected override void AddToSite() => Reports = Site.AddDocumentLibrary("Lägesrapporter");

    private Uri Path(string name, string action) =>
        new($"{StandIn.BaseUrl}/drives/{Reports.DriveId}/root:/{Uri.EscapeDataString(name)}:/{action}");

    [Fact]
    public async Task A_simple_upload_creates_the_file_and_a_second_replaces_it()
    {
        using var first = await Raw.PutAsync(Path("Lägesrapport 2026-v49.pdf", "content"), new ByteArrayContent("%PDF-1"u8.ToArray()));
        using var second = await Raw.PutAsync(Path("Lägesrapport 2026-v49.pdf", "content"), new ByteArrayContent("%PDF-2"u8.ToArray()));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        using var item = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("Lägesrapport 2026-v49.pdf", item.RootElement.GetProperty("name").GetString());
        Assert.Equal(1, Reports.FileCount);
        Assert.Equal("%PDF-2"u8.ToArray(), Reports.Content(item.RootElement.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task A_session_takes_slices_in_order_and_refuses_one_out_of_order()
    {
        using var created = await Raw.PostAsync(Path("stor.pdf", "createUploadSession"), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var session = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var url = new Uri(session.RootElement.GetProperty("uploadUrl").GetString()!);
        Assert.Equal("0-", session.RootElement.GetProperty("nextExpectedRanges")[0].GetString());
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        using var skipped = await Raw.PutAsync(url, Slice(bytes, 600, 999));
        using var part = await Raw.PutAsync(url, Slice(bytes, 0, 599));
        using var last = await Raw.PutAsync(url, Slice(bytes, 600, 999));

        Assert.Equal((HttpStatusCode.RequestedRangeNotSatisfiable, HttpStatusCode.Accepted, HttpStatusCode.Created), (skipped.StatusCode, part.StatusCode, last.StatusCode));
        using var next = JsonDocument.Parse(await part.Content.ReadAsStringAsync());
        Assert.Equal("600-", next.RootElement.GetProperty("nextExpectedRanges")[0].GetString());
        using var item = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal(bytes, Reports.Content(item.RootElement.GetProperty("id").GetString()!));
    }

    private static ByteArrayContent Slice(byte[] bytes, int from, int to)
    {
        var content = new ByteArrayContent(bytes[from..(to + 1)]);
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, bytes.Length);
        return content;
    }
}
