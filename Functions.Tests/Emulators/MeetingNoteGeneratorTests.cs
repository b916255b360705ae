using System.Globalization;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph;
using Microsoft.Graph.Models;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The bench's meeting-notes library: generated PDF notes in the stand-in, read with the real Graph SDK.</summary>
public sealed class MeetingNoteGeneratorTests : GraphStandInTest
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static SeedRequest Notes(int count, int seed = 42) =>
        new(count, seed, Today) { MinBytes = 1_000, MaxBytes = 64_000 };

    [Fact]
    public async Task Seeded_notes_are_pdfs_of_log_uniform_size_with_a_meeting_date_and_a_group()
    {
        var library = Site.AddDocumentLibrary("Mötesanteckningar");

        var result = MeetingNoteGenerator.SeedLibrary(library, Notes(400));

        var files = await FilesAsync(library);
        Assert.Equal(400, result.Count);
        Assert.Equal(files.Sum(f => f.Size), result.Bytes);
        Assert.All(files, f => Assert.InRange(f.Size!.Value, 1_000, 64_000));
        Assert.All(files, f => Assert.EndsWith(".pdf", f.Name, StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal("application/pdf", f.File!.MimeType));
        Assert.Equal(400, files.Select(f => f.Name).Distinct().Count());
        // Log-uniform: about as many notes below the geometric middle (8 KB) as above it; a uniform spread would put 11% there.
        Assert.InRange(files.Count(f => f.Size < 8_000), 160, 240);

        var list = Site.GetList(library.ListId);
        var columns = Enumerable.Range(1, 400).Select(id => list.GetFields(id)!).ToList();
        var dates = columns.Select(c => TimeZoneInfo.ConvertTime(DateTimeOffset.Parse((string)c["MeetingDate"]!, CultureInfo.InvariantCulture), Stockholm)).ToList();
        Assert.All(dates, d => Assert.Equal(TimeSpan.Zero, d.TimeOfDay));
        Assert.All(dates, d => Assert.InRange(DateOnly.FromDateTime(d.DateTime), Today.AddDays(-5 * 365), Today));
        Assert.Equal(4, columns.Select(c => c["NetworkGroup"]).Distinct().Count());
        Assert.Contains(list.Columns, c => c.Name == "MeetingDate");
    }

    [Fact]
    public async Task Same_seed_gives_the_same_notes_and_the_same_bytes()
    {
        var first = Site.AddDocumentLibrary("A");
        var second = Site.AddDocumentLibrary("B");
        var other = Site.AddDocumentLibrary("C");

        MeetingNoteGenerator.SeedLibrary(first, Notes(50));
        MeetingNoteGenerator.SeedLibrary(second, Notes(50));
        MeetingNoteGenerator.SeedLibrary(other, Notes(50, seed: 43));

        Assert.Equal(await SnapshotAsync(first), await SnapshotAsync(second));
        Assert.NotEqual((await SnapshotAsync(first)).Take(5), (await SnapshotAsync(other)).Take(5));
    }

    [Fact]
    public async Task A_mutation_gives_that_share_of_notes_a_new_version_with_a_new_hash_and_size()
    {
        var library = Site.AddDocumentLibrary("Mötesanteckningar");
        MeetingNoteGenerator.SeedLibrary(library, Notes(200));
        var before = (await FilesAsync(library)).ToDictionary(f => f.Id!);

        var result = MeetingNoteGenerator.MutateLibrary(library, new MutationRequest(0.05, Seed: 7, Today));

        Assert.Equal(new MutationResult(Edited: 10, Deleted: 0, Added: 0), result);
        var changed = (await FilesAsync(library)).Where(f => f.ETag != before[f.Id!].ETag).ToList();
        Assert.Equal(10, changed.Count);
        Assert.All(changed, f =>
        {
            var old = before[f.Id!];
            Assert.NotEqual(old.File!.Hashes!.QuickXorHash, f.File!.Hashes!.QuickXorHash);
            Assert.NotEqual(old.Size, f.Size);
            Assert.InRange(f.Size!.Value, old.Size!.Value * 0.9 - 1, old.Size.Value * 1.1 + 1);
            Assert.Equal(old.Name, f.Name);
        });
    }

    [Fact]
    public async Task A_generated_note_downloads_through_graph_as_the_bytes_its_hash_and_size_describe_and_is_counted()
    {
        var library = Site.AddDocumentLibrary("Mötesanteckningar");
        var content = GeneratedContent.Pdf(seed: 9, length: 150_000);
        var id = library.AddFile("Protokoll.pdf", content);
        StandIn.Requests.Clear();

        await using var download = await Client.Drives[library.DriveId].Items[id].Content.GetAsync();
        using var copy = new MemoryStream();
        await download!.CopyToAsync(copy);

        var bytes = copy.ToArray();
        Assert.Equal(150_000, bytes.Length);
        Assert.Equal(content.ContentHash, QuickXorHash.Base64Of(bytes));
        Assert.Equal(bytes, library.Content(id));
        var item = await Client.Drives[library.DriveId].Items[id].GetAsync();
        Assert.Equal(150_000, item!.Size);
        Assert.Equal(content.ContentHash, item.File!.Hashes!.QuickXorHash);
        Assert.Equal(new DownloadCounts(1, 150_000), StandIn.Requests.Downloads);
    }

    [Fact]
    public void The_control_api_seeds_a_named_library_on_the_networks_site_and_mutates_it_by_name()
    {
        var generator = new MeetingNoteGenerator();

        var first = generator.Seed(StandIn.State, Notes(10) with { Library = "Stor anteckning" });
        var second = generator.Seed(StandIn.State, Notes(5) with { Library = "Stor anteckning" });
        var changed = generator.Mutate(StandIn.State, new MutationRequest(0.2, Seed: 1, Today) { Library = "Stor anteckning" });

        Assert.Equal((first.SiteId, first.ListId), (second.SiteId, second.ListId));
        Assert.Equal(15, second.Count);
        Assert.Equal(3, changed.Edited);
        Assert.Equal("https://stockholm.sharepoint.com/sites/wise-natverket", StandIn.State.GetSite(first.SiteId).WebUrl);
        Assert.Equal("meeting-notes", generator.Source);
        Assert.Throws<KeyNotFoundException>(() => generator.Mutate(StandIn.State, new MutationRequest(0.1, 1, Today) { Library = "Saknas" }));
    }

    /// <summary>The library's files as a first drive delta gives them, every page followed.</summary>
    private async Task<List<DriveItem>> FilesAsync(DocumentLibrary library)
    {
        var delta = Client.Drives[library.DriveId].Items["root"].Delta;
        var files = new List<DriveItem>();
        var page = await delta.GetAsDeltaGetResponseAsync();
        while (true)
        {
            files.AddRange(page!.Value!.Where(i => i.File is not null));
            if (page.OdataNextLink is not { } next)
            {
                return files;
            }

            page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync();
        }
    }

    private async Task<List<string>> SnapshotAsync(DocumentLibrary library)
    {
        var list = Site.GetList(library.ListId);
        var files = await FilesAsync(library);
        return [.. files.Select((f, i) => $"{f.Name}|{f.Size}|{f.File!.Hashes!.QuickXorHash}|{string.Join(",", list.GetFields(i + 1)!.Values)}")];
    }
}
