using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;
using Integration.Emulators.Graph;
using Microsoft.Graph.Drives.Item.Items.Item;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

/// <summary>A document library served as a drive, read with the real Graph SDK and with raw requests.</summary>
public class GraphStandInDriveTests : GraphStandInTest
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly byte[] MinutesBytes = Encoding.UTF8.GetBytes("Protokoll från nätverksmötet 14 mars");
    private static readonly byte[] AgendaBytes = Encoding.UTF8.GetBytes("Dagordning");

    private DocumentLibrary Notes { get; set; } = null!;

    private DriveItemItemRequestBuilder Root => Client.Drives[Notes.DriveId].Items["root"];

    protected override void AddToSite() => Notes = Site.AddDocumentLibrary("Mötesanteckningar");

    [Fact]
    public async Task Full_delta_pages_through_the_root_folders_and_files_as_sharepoint_shapes_them()
    {
        var folder = Notes.AddFolder("2024");
        var minutes = Notes.AddFile("Protokoll 2024-03-14.docx", MinutesBytes, folderId: folder);
        var agenda = Notes.AddFile("Dagordning.pdf", AgendaBytes);
        var empty = Notes.AddFile("Tom.odt", []);

        var read = await ReadDriveDeltaAsync(top: 2);

        Assert.Equal([2, 2, 1], read.Pages.Select(p => p.Count));
        Assert.All(read.Links, link => Assert.StartsWith(StandIn.BaseUrl.ToString(), link, StringComparison.Ordinal));
        var root = read.Items[0];
        Assert.NotNull(root.Root);
        Assert.Equal(3, root.Folder!.ChildCount);
        Assert.Equal(Notes.DriveId, root.ParentReference!.DriveId);
        var folderItem = read.Items.Single(i => i.Id == folder);
        Assert.Equal(1, folderItem.Folder!.ChildCount);
        Assert.Null(folderItem.File);
        var files = read.Items.Where(i => i.File is not null).ToDictionary(i => i.Id!);
        Assert.Equal([minutes, agenda, empty], files.Keys);
        Assert.Equal(DocxType, files[minutes].File!.MimeType);
        Assert.Equal("application/pdf", files[agenda].File!.MimeType);
        Assert.Equal("application/vnd.oasis.opendocument.text", files[empty].File!.MimeType);
        Assert.Equal(QuickXorHash.Base64Of(MinutesBytes), files[minutes].File!.Hashes!.QuickXorHash);
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", files[empty].File!.Hashes!.QuickXorHash);
        Assert.Equal(MinutesBytes.Length, files[minutes].Size);
        Assert.Equal(folder, files[minutes].ParentReference!.Id);
        Assert.Equal(root.Id, files[agenda].ParentReference!.Id);
        Assert.All(read.Items, item =>
        {
            Assert.Matches("^01[A-Z2-7]{32}$", item.Id);
            Assert.Matches("^\"\\{[0-9A-F-]{36}\\},\\d+\"$", item.ETag);
            Assert.Null(item.CTag);
            Assert.Null(item.ParentReference!.Path);
            Assert.Equal("documentLibrary", item.ParentReference.DriveType);
            Assert.Null(item.File?.Hashes?.Sha256Hash);
            Assert.Null(item.Deleted);
        });
        Assert.EndsWith("/2024/Protokoll%202024-03-14.docx", files[minutes].WebUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delta_link_brings_adds_content_updates_renames_field_changes_and_deletions()
    {
        var untouched = Notes.AddFile("Oförändrad.docx", AgendaBytes);
        var edited = Notes.AddFile("Protokoll.docx", MinutesBytes);
        var renamed = Notes.AddFile("Utkast.docx", AgendaBytes);
        var tagged = Notes.AddFile("Bilaga.pdf", AgendaBytes, Fields("Group", "Styrgrupp"));
        var removed = Notes.AddFile("Fel fil.docx", AgendaBytes);
        var initial = await ReadDriveDeltaAsync();
        var before = initial.Items.Where(i => i.Id is not null).ToDictionary(i => i.Id!);

        var newContent = Encoding.UTF8.GetBytes("Protokoll, justerat efter mötet");
        Notes.UpdateContent(edited, newContent);
        Notes.Rename(renamed, "Protokoll 2024-04-02.docx");
        Notes.SetFields(tagged, Fields("Group", "Nätverket"));
        Notes.Delete(removed);
        var added = Notes.AddFile("Ny.odt", MinutesBytes);
        var changes = await ReadDriveDeltaAsync(initial.DeltaLink);
        var after = changes.Items.ToDictionary(i => i.Id!);

        Assert.Equal(new[] { edited, renamed, tagged, removed, added }.Order(), after.Keys.Order());
        Assert.DoesNotContain(untouched, after.Keys);
        Assert.DoesNotContain(before.Values.Single(i => i.Root is not null).Id, after.Keys);

        Assert.Equal(QuickXorHash.Base64Of(newContent), after[edited].File!.Hashes!.QuickXorHash);
        Assert.NotEqual(before[edited].File!.Hashes!.QuickXorHash, after[edited].File!.Hashes!.QuickXorHash);
        Assert.Equal(newContent.Length, after[edited].Size);
        Assert.NotEqual(before[edited].ETag, after[edited].ETag);

        Assert.Equal("Protokoll 2024-04-02.docx", after[renamed].Name);
        Assert.NotEqual(before[renamed].ETag, after[renamed].ETag);
        Assert.Equal(before[renamed].File!.Hashes!.QuickXorHash, after[renamed].File!.Hashes!.QuickXorHash);

        Assert.NotEqual(before[tagged].ETag, after[tagged].ETag);
        Assert.Equal(before[tagged].File!.Hashes!.QuickXorHash, after[tagged].File!.Hashes!.QuickXorHash);

        Assert.Equal("deleted", after[removed].Deleted!.State);
        Assert.Equal(Notes.DriveId, after[removed].ParentReference!.DriveId);
        Assert.Null(after[removed].File);

        Assert.Equal("Ny.odt", after[added].Name);
        Assert.Equal(newContent, Notes.Content(edited));
        Assert.Equal(5, Notes.FileCount);
    }

    [Fact]
    public async Task Deleting_a_folder_deletes_its_contents_and_delta_link_with_no_change_is_empty()
    {
        var folder = Notes.AddFolder("Arkiv");
        var inner = Notes.AddFolder("2023", folder);
        var file = Notes.AddFile("Gammalt.pdf", AgendaBytes, folderId: inner);
        var initial = await ReadDriveDeltaAsync();

        var quiet = await ReadDriveDeltaAsync(initial.DeltaLink);
        Notes.Delete(folder);
        var changes = await ReadDriveDeltaAsync(quiet.DeltaLink);

        Assert.Empty(quiet.Items);
        Assert.StartsWith(StandIn.BaseUrl.ToString(), quiet.DeltaLink, StringComparison.Ordinal);
        Assert.Equal(new[] { folder, inner, file }.Order(), changes.Items.Select(i => i.Id!).Order());
        Assert.All(changes.Items, i => Assert.Equal("deleted", i.Deleted!.State));
        Assert.Equal(0, Notes.FileCount);
    }

    [Theory]
    [InlineData("root/delta")]
    [InlineData("root/delta()")]
    [InlineData("root/microsoft.graph.delta()")]
    [InlineData("items/root/delta()")]
    [InlineData("items/root/microsoft.graph.delta()")]
    [InlineData("items/root/delta")]
    public async Task Initial_delta_is_accepted_in_every_documented_form(string form)
    {
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes);

        using var page = await GetJsonAsync($"{StandIn.BaseUrl}/drives/{Notes.DriveId}/{form}?%24top=5");

        var value = page.RootElement.GetProperty("value");
        Assert.Equal(2, value.GetArrayLength());
        Assert.True(value[0].TryGetProperty("root", out _));
        Assert.Equal(file, value[1].GetProperty("id").GetString());
        Assert.False(value[1].TryGetProperty("cTag", out _));
        Assert.False(value[1].GetProperty("file").GetProperty("hashes").TryGetProperty("sha256Hash", out _));
        Assert.StartsWith(StandIn.BaseUrl.ToString(), page.RootElement.GetProperty("@odata.deltaLink").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("root/delta(token='{0}')")]
    [InlineData("root/microsoft.graph.delta(token='{0}')")]
    [InlineData("items/root/delta(token='{0}')")]
    [InlineData("items/root/microsoft.graph.delta(token='{0}')")]
    [InlineData("root/delta?token={0}")]
    [InlineData("items/root/delta()?token={0}")]
    [InlineData("items/root/microsoft.graph.delta()?token={0}")]
    public async Task Token_is_accepted_in_every_documented_form(string form)
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes);
        var initial = await ReadDriveDeltaAsync();
        var added = Notes.AddFile("Bilaga.pdf", AgendaBytes);

        var url = $"{StandIn.BaseUrl}/drives/{Notes.DriveId}/" + string.Format(CultureInfo.InvariantCulture, form, TokenOf(initial.DeltaLink));
        using var page = await GetJsonAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "%24top=10");

        var value = page.RootElement.GetProperty("value");
        Assert.Equal(added, Assert.Single(value.EnumerateArray()).GetProperty("id").GetString());
        Assert.True(page.RootElement.TryGetProperty("@odata.deltaLink", out _));
    }

    [Fact]
    public async Task Select_narrows_the_items_and_is_kept_in_the_links()
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes);
        Notes.AddFile("Bilaga.pdf", AgendaBytes);

        using var first = await GetJsonAsync($"{StandIn.BaseUrl}/drives/{Notes.DriveId}/root/delta?$select=id,name,file&$top=2");
        var next = first.RootElement.GetProperty("@odata.nextLink").GetString()!;
        using var second = await GetJsonAsync(next);

        var file = first.RootElement.GetProperty("value")[1];
        Assert.Equal(["id", "name", "file"], file.EnumerateObject().Select(p => p.Name));
        Assert.Contains("$select=id,name,file", next, StringComparison.Ordinal);
        Assert.Equal(["id", "name", "file"], second.RootElement.GetProperty("value")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Sdk_token_function_form_reads_the_changes()
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes);
        var initial = await ReadDriveDeltaAsync();
        var added = Notes.AddFile("Bilaga.pdf", AgendaBytes);

        var page = await Root.DeltaWithToken(TokenOf(initial.DeltaLink)).GetAsDeltaWithTokenGetResponseAsync();

        Assert.Equal([added], page!.Value!.Select(i => i.Id));
        Assert.NotNull(page.OdataDeltaLink);
    }

    [Fact]
    public async Task Expired_or_unknown_token_answers_410_resync_required_with_a_fresh_start_in_location()
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes);
        var initial = await ReadDriveDeltaAsync();
        Notes.ExpireDeltaTokens();

        var error = await Assert.ThrowsAsync<ODataError>(() => ReadDriveDeltaAsync(initial.DeltaLink));
        using var expired = await Raw.GetAsync(new Uri(initial.DeltaLink));
        using var unknown = await Raw.GetAsync(new Uri($"{StandIn.BaseUrl}/drives/{Notes.DriveId}/root/delta?token=aW52ZW50ZWQ"));

        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal("resyncRequired", error.Error!.Code);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, unknown.StatusCode);
        Assert.Contains("\"resyncRequired\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("token=", expired.Headers.Location!.ToString(), StringComparison.Ordinal);
        var restart = await ReadDriveDeltaAsync(expired.Headers.Location.ToString());
        Assert.Equal(2, restart.Items.Count);
    }

    [Fact]
    public async Task Expanding_list_item_on_drive_delta_is_refused_as_sharepoint_refuses_it()
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes);

        var error = await Assert.ThrowsAsync<ODataError>(() => Root.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Expand = ["listItem"]));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
        Assert.Contains("expand is not supported", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_item_carries_the_columns_with_select_and_the_file_name()
    {
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes, new Dictionary<string, object?>
        {
            ["Title"] = "Nätverksmöte",
            ["MeetingDate"] = new DateOnly(2024, 3, 15),
            ["Group"] = "Styrgrupp",
        });
        Notes.Rename(file, "Protokoll 2024-03-15.docx");

        var item = await Client.Drives[Notes.DriveId].Items[file].ListItem.GetAsync(rc =>
            rc.QueryParameters.Expand = ["fields($select=MeetingDate,Group,FileLeafRef)"]);
        var everything = await Client.Drives[Notes.DriveId].Items[file].ListItem.GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);

        Assert.Equal("1", item!.Id);
        Assert.Matches("^\"\\{[0-9A-F-]{36}\\},\\d+\"$", item.ETag);
        // Kiota hands date-time strings over as DateTime.
        Assert.Equal(new DateTime(2024, 3, 14, 23, 0, 0, DateTimeKind.Utc), item.Fields!.AdditionalData["MeetingDate"]);
        Assert.Equal("Styrgrupp", Field(item, "Group"));
        Assert.Equal("Protokoll 2024-03-15.docx", Field(item, "FileLeafRef"));
        Assert.Null(Field(item, "Title"));
        Assert.Equal("Nätverksmöte", Field(everything!, "Title"));
        Assert.Equal("1", everything!.Fields!.Id);
        Assert.NotNull(Field(everything!, "Modified"));
        Assert.Equal("Document", Field(everything!, "ContentType"));
    }

    [Fact]
    public async Task Library_is_a_list_too_and_its_items_answer_through_the_list_routes()
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes, Fields("Group", "Styrgrupp"));

        var lists = await Client.Sites[Site.Id].Lists.GetAsync();
        var item = await Client.Sites[Site.Id].Lists[Notes.ListId].Items["1"].GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        var refused = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists[Notes.ListId].Items.PostAsync(new ListItem { Fields = new FieldValueSet() }));

        var library = lists!.Value!.Single(l => l.Id == Notes.ListId);
        Assert.Equal("Mötesanteckningar", library.DisplayName);
        Assert.Equal("documentLibrary", library.ListProp!.Template);
        Assert.Equal("Styrgrupp", Field(item!, "Group"));
        Assert.Equal("Protokoll.docx", Field(item!, "FileLeafRef"));
        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Throws<InvalidOperationException>(() => Site.GetList(Notes.ListId).Add(new Dictionary<string, object?>()));
    }

    [Fact]
    public async Task Content_redirects_to_a_pre_authenticated_download_of_the_exact_bytes()
    {
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var redirect = await noRedirects.GetAsync(new Uri($"{StandIn.BaseUrl}/drives/{Notes.DriveId}/items/{file}/content"));
        var location = redirect.Headers.Location!;
        using var download = await noRedirects.GetAsync(location);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        await using var viaSdk = await Client.Drives[Notes.DriveId].Items[file].Content.GetAsync();
        using var copy = new MemoryStream();
        await viaSdk!.CopyToAsync(copy);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.True(location.IsAbsoluteUri);
        Assert.Equal(StandIn.BaseUrl.GetLeftPart(UriPartial.Authority), location.GetLeftPart(UriPartial.Authority));
        Assert.DoesNotContain("/v1.0/", location.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Null(download.RequestMessage!.Headers.Authorization);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(MinutesBytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal(MinutesBytes, bytes);
        Assert.Equal(MinutesBytes, copy.ToArray());
    }

    [Fact]
    public async Task A_download_can_send_other_bytes_than_the_delta_gave_while_the_metadata_stays()
    {
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes);
        var initial = await ReadDriveDeltaAsync();
        var listed = initial.Items.Single(i => i.Id == file);
        byte[] longer = [.. MinutesBytes, .. AgendaBytes];
        StandIn.Faults.ServeInstead(file, longer);

        var replaced = await DownloadAsync(file);
        var own = await DownloadAsync(file);
        var changes = await ReadDriveDeltaAsync(initial.DeltaLink);

        Assert.Equal(MinutesBytes.Length, listed.Size);
        Assert.Equal(QuickXorHash.Base64Of(MinutesBytes), listed.File!.Hashes!.QuickXorHash);
        Assert.Equal(longer, replaced);
        Assert.Equal(MinutesBytes, own);
        Assert.Empty(changes.Items);
    }

    private async Task<byte[]> DownloadAsync(string file)
    {
        await using var content = await Client.Drives[Notes.DriveId].Items[file].Content.GetAsync();
        using var copy = new MemoryStream();
        await content!.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Content_of_a_deleted_or_unknown_item_answers_404()
    {
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await noRedirects.GetAsync(new Uri($"{StandIn.BaseUrl}/drives/{Notes.DriveId}/items/{file}/content"));
        Notes.Delete(file);

        var deleted = await Assert.ThrowsAsync<ODataError>(() => Client.Drives[Notes.DriveId].Items[file].Content.GetAsync());
        var unknown = await Assert.ThrowsAsync<ODataError>(() => Client.Drives[Notes.DriveId].Items["01AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"].Content.GetAsync());
        using var staleDownload = await noRedirects.GetAsync(redirect.Headers.Location);

        Assert.Equal(404, deleted.ResponseStatusCode);
        Assert.Equal("itemNotFound", deleted.Error!.Code);
        Assert.Equal(404, unknown.ResponseStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staleDownload.StatusCode);
    }

    [Fact]
    public async Task Single_item_has_ctag_and_parent_path_and_a_deleted_one_answers_404()
    {
        var folder = Notes.AddFolder("Styrgrupp");
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes, folderId: folder);

        var item = await Client.Drives[Notes.DriveId].Items[file].GetAsync();
        var root = await Client.Drives[Notes.DriveId].Items["root"].GetAsync();
        var folderItem = await Client.Drives[Notes.DriveId].Items[folder].GetAsync();
        Notes.Delete(file);
        var gone = await Assert.ThrowsAsync<ODataError>(() => Client.Drives[Notes.DriveId].Items[file].GetAsync());

        Assert.Matches("^\"c:\\{[0-9A-F-]{36}\\},\\d+\"$", item!.CTag);
        Assert.Equal($"/drives/{Notes.DriveId}/root:/Styrgrupp", item.ParentReference!.Path);
        Assert.Equal($"/drives/{Notes.DriveId}/root:", folderItem!.ParentReference!.Path);
        Assert.Equal(QuickXorHash.Base64Of(MinutesBytes), item.File!.Hashes!.QuickXorHash);
        Assert.True(item.AdditionalData.ContainsKey("@microsoft.graph.downloadUrl"));
        Assert.NotNull(root!.Root);
        Assert.Equal(1, root.Folder!.ChildCount);
        Assert.Equal(MinutesBytes.Length, root.Size);
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Equal("itemNotFound", gone.Error!.Code);
    }

    [Fact]
    public async Task Throttled_drive_delta_is_retried_by_the_sdk_after_retry_after()
    {
        Notes.AddFile("Protokoll.docx", MinutesBytes);
        StandIn.Faults.Throttle(count: 1, retryAfterSeconds: 1, pathContains: "root/delta");

        var read = await ReadDriveDeltaAsync();

        Assert.Equal(2, read.Items.Count);
        var deltaCalls = StandIn.Requests.All.Where(r => r.PathAndQuery.Contains("root/delta", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], deltaCalls.Select(r => r.Status));
        Assert.All(deltaCalls, r => Assert.Equal(RequestKind.Delta, r.Kind));
        Assert.True(deltaCalls[1].Time - deltaCalls[0].Time >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Drives_are_listed_by_site_and_found_by_id_and_a_library_by_name()
    {
        var other = Site.AddDocumentLibrary("Documents");

        var drives = await Client.Sites[Site.Id].Drives.GetAsync();
        var drive = drives!.Value!.Single(d => d.Name == "Mötesanteckningar");
        var byId = await Client.Drives[drive.Id].GetAsync();
        var bySite = await Client.Sites[Site.Id].Drives[drive.Id].GetAsync();
        var unknown = await Assert.ThrowsAsync<ODataError>(() => Client.Drives["b!bm90LWEtZHJpdmU"].GetAsync());

        Assert.Equal(["Mötesanteckningar", "Documents"], drives.Value!.Select(d => d.Name));
        Assert.Equal(Notes.DriveId, drive.Id);
        Assert.Matches("^b![A-Za-z0-9_-]{64}$", drive.Id);
        Assert.Equal("documentLibrary", byId!.DriveType);
        Assert.Equal("Mötesanteckningar", bySite!.Name);
        Assert.Equal("https://contoso.sharepoint.com/sites/handlingsplan/Shared%20Documents", drives.Value![1].WebUrl);
        Assert.Same(Notes, Site.GetDocumentLibrary("mötesanteckningar"));
        Assert.Same(other, Site.GetDocumentLibrary(other.DriveId));
        Assert.Equal(404, unknown.ResponseStatusCode);
        Assert.Equal("itemNotFound", unknown.Error!.Code);
    }

    [Fact]
    public async Task Top_larger_than_the_page_size_is_served_in_pages_of_the_page_size()
    {
        await using var small = await GraphStandIn.StartAsync(new GraphStandInOptions { MaxPageSize = 2 });
        var library = small.State.AddSite("contoso.sharepoint.com", "/sites/liten", "Liten").AddDocumentLibrary("Dokument");
        for (var i = 1; i <= 4; i++)
        {
            library.AddFile($"Fil {i}.pdf", AgendaBytes);
        }

        var pages = new List<int>();
        var url = $"{small.BaseUrl}/drives/{library.DriveId}/root/delta?$top=50";
        while (true)
        {
            using var page = await GetJsonAsync(url);
            pages.Add(page.RootElement.GetProperty("value").GetArrayLength());
            if (!page.RootElement.TryGetProperty("@odata.nextLink", out var next))
            {
                break;
            }

            url = next.GetString()!;
            Assert.StartsWith(small.BaseUrl.ToString(), url, StringComparison.Ordinal);
        }

        Assert.Equal([2, 2, 1], pages);
    }

    [Fact]
    public async Task Repeated_item_comes_twice_and_the_last_occurrence_is_current()
    {
        var first = Notes.AddFile("Ett.pdf", AgendaBytes);
        Notes.AddFile("Två.pdf", AgendaBytes);
        Notes.AddFile("Tre.pdf", AgendaBytes);
        Notes.RepeatInNextDelta(first);

        var read = await ReadDriveDeltaAsync(top: 2);

        Assert.Equal(2, read.Items.Count(i => i.Id == first));
        Assert.Equal(2, read.Pages.Count(p => p.Any(i => i.Id == first)));
    }

    [Fact]
    public async Task Drive_requests_are_counted_by_kind()
    {
        var file = Notes.AddFile("Protokoll.docx", MinutesBytes);

        await ReadDriveDeltaAsync(top: 1);
        await Client.Drives[Notes.DriveId].Items[file].GetAsync();
        await Client.Drives[Notes.DriveId].Items[file].ListItem.GetAsync();
        await Client.Sites[Site.Id].Drives.GetAsync();
        await Client.Drives[Notes.DriveId].GetAsync();

        var counts = StandIn.Requests.CountByKind();
        // Units: delta 2 without a token and 1 with one; the item and its listItem 1 each; the drives listing 2, one drive 1.
        Assert.Equal(new RequestCounts(Delta: 2, Items: 0, Item: 2, FieldsPatch: 0, List: 2, Site: 0, UserLookup: 0, Other: 0, ResourceUnits: 8), counts);
    }

    [Fact]
    public void Seeding_refuses_what_sharepoint_refuses()
    {
        var folder = Notes.AddFolder("Protokoll");
        var file = Notes.AddFile("Möte.docx", MinutesBytes, folderId: folder);

        Assert.Throws<InvalidOperationException>(() => Notes.AddFile("MÖTE.docx", AgendaBytes, folderId: folder));
        Assert.Throws<InvalidOperationException>(() => Notes.AddFolder("protokoll"));
        Assert.Throws<ArgumentException>(() => Notes.AddFile("a:b.docx", AgendaBytes));
        Assert.Throws<ArgumentException>(() => Notes.AddFile("Fel.docx", AgendaBytes, folderId: file));
        Assert.Throws<InvalidOperationException>(() => Notes.Content(folder));
        Assert.Throws<InvalidOperationException>(() => Site.AddDocumentLibrary("mötesanteckningar"));
        Assert.Throws<KeyNotFoundException>(() => Notes.Rename("01AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x.docx"));
        Assert.Throws<KeyNotFoundException>(() => Site.GetDocumentLibrary("Saknas"));
        Notes.Delete(file);
        Assert.Throws<KeyNotFoundException>(() => Notes.Content(file));
        Assert.NotEqual(file, Notes.AddFile("Möte.docx", AgendaBytes, folderId: folder));
    }

    private static Dictionary<string, object?> Fields(string name, object? value) => new() { [name] = value };

    private static string TokenOf(string link) => HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await Raw.GetAsync(new Uri(url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {url}: {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>Follows drive delta to its deltaLink the way a sync engine does, keeping the pages and every link it got.</summary>
    private async Task<DriveDeltaRead> ReadDriveDeltaAsync(string? deltaLink = null, int top = 200)
    {
        var response = deltaLink is null
            ? await Root.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Top = top)
            : await Root.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync();
        var pages = new List<List<DriveItem>> { response!.Value! };
        var links = new List<string>();
        while (response!.OdataNextLink is { } next)
        {
            Assert.Null(response.OdataDeltaLink);
            links.Add(next);
            response = await Root.Delta.WithUrl(next).GetAsDeltaGetResponseAsync();
            pages.Add(response!.Value!);
        }

        links.Add(response.OdataDeltaLink!);
        return new DriveDeltaRead([.. pages.SelectMany(p => p)], pages, links, response.OdataDeltaLink!);
    }

    private sealed record DriveDeltaRead(List<DriveItem> Items, List<List<DriveItem>> Pages, List<string> Links, string DeltaLink);
}
