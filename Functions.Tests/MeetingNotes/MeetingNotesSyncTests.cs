using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Integration.Core.MeetingNotes;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// The meeting-notes library through the real Graph SDK against the stand-in's drive, into
/// Azurite: each content version archived once under its SHA-256, the index kept, the rules kept.
/// </summary>
public class MeetingNotesSyncTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string LibraryName = "Mötesanteckningar";

    private DocumentLibrary _library = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Libraries:MeetingNotes"] = LibraryName,
        ["MeetingNotes:MaxFileBytes"] = "50000",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _library = Harness.Site.AddDocumentLibrary(LibraryName);
    }

    private static Dictionary<string, object?> Columns(string? meetingDate = "2026-11-23T23:00:00Z", string group = "Styrgrupp") =>
        new() { ["MeetingDate"] = meetingDate, ["NetworkGroup"] = group };

    private Task<SyncCounts> SyncAsync(string runId = "run") =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source).RunAsync(runId, CancellationToken.None);

    private async Task<Dictionary<string, TableEntity>> RowsAsync(string partition)
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.MeetingNotes);
        return await table.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToDictionaryAsync(e => e.RowKey);
    }

    private async Task<Dictionary<string, byte[]>> ArchiveAsync()
    {
        var container = await Harness.Get<IntegrationStorage>().ContainerAsync(ContainerNames.MeetingNotes);
        var blobs = new Dictionary<string, byte[]>();
        await foreach (var blob in container.GetBlobsAsync()) blobs[blob.Name] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        return blobs;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private int Downloads => Harness.Graph.Requests.Count("GET", "/content");

    [Fact]
    public async Task AFirstSyncArchivesEachNoteUnderItsSha256AndIndexesIt()
    {
        var docx = NoteFiles.Docx("Nätverksmöte om upphandling från sociala företag");
        var pdf = NoteFiles.Pdf("Protokoll");
        var odt = NoteFiles.Odt("Arbetsgruppens anteckningar");
        var word = _library.AddFile("Möte #3 – 50% & åäö.docx", docx, Columns());
        var minutes = _library.AddFile("Protokoll.pdf", pdf, Columns(group: "Arbetsgrupp"));
        var notes = _library.AddFile("Anteckningar.odt", odt, Columns("2026-06-14T22:00:00Z"));
        _library.AddFolder("Arkiv");

        var counts = await SyncAsync();

        Assert.Equal((3, 3, 0), (counts.Read, counts.Created, counts.Quarantined));
        SyncAssert.Reconciles(counts);
        var archive = await ArchiveAsync();
        Assert.Equal(new[] { Sha256(docx), Sha256(pdf), Sha256(odt) }.Order(), archive.Keys.Order());
        Assert.Equal(docx, archive[Sha256(docx)]);
        var current = await RowsAsync(MeetingNoteStore.NotesPartition);
        Assert.Equal("Möte #3 – 50% & åäö.docx", current[word].GetString("FileName"));
        Assert.Equal("2026-11-24", current[word].GetString("MeetingDate"));
        Assert.Equal("2026-06-15", current[notes].GetString("MeetingDate"));
        Assert.Equal("Arbetsgrupp", current[minutes].GetString("Group"));
        Assert.Equal($"{ContainerNames.MeetingNotes}/{Sha256(pdf)}", current[minutes].GetString("ArchiveBlob"));
        var versions = await RowsAsync(MeetingNoteStore.VersionsPartition);
        Assert.Equal(3, versions.Count);
        Assert.All(versions.Values, v => Assert.Equal(RegistrationState.Pending, v.GetString("RegistrationState")));
        Assert.Equal(3, Downloads);
    }

    [Fact]
    public async Task ARenameOrAMetadataEditArchivesNothingNewContentIsANewVersionAndADeleteKeepsTheBlob()
    {
        var renamed = _library.AddFile("Möte 1.docx", NoteFiles.Docx("ett"), Columns());
        var regrouped = _library.AddFile("Möte 2.docx", NoteFiles.Docx("två"), Columns());
        var rewritten = _library.AddFile("Möte 3.pdf", NoteFiles.Pdf("tre"), Columns());
        var deleted = _library.AddFile("Möte 4.pdf", NoteFiles.Pdf("fyra"), Columns());
        await SyncAsync("first");
        var downloads = Downloads;

        _library.Rename(renamed, "Möte 1 (justerad).docx");
        _library.SetFields(regrouped, Columns(group: "Arbetsgrupp"));
        var second = NoteFiles.Pdf("tre, andra versionen");
        _library.UpdateContent(rewritten, second);
        _library.Delete(deleted);
        var counts = await SyncAsync("second");

        Assert.Equal((4, 3, 1), (counts.Read, counts.Updated, counts.Deleted));
        Assert.Equal(downloads + 1, Downloads);
        var archive = await ArchiveAsync();
        Assert.Equal(5, archive.Count);
        Assert.Contains(Sha256(second), archive.Keys);
        Assert.Equal(5, (await RowsAsync(MeetingNoteStore.VersionsPartition)).Count);
        var current = await RowsAsync(MeetingNoteStore.NotesPartition);
        Assert.Equal("Möte 1 (justerad).docx", current[renamed].GetString("FileName"));
        Assert.Equal("Arbetsgrupp", current[regrouped].GetString("Group"));
        Assert.Equal(Sha256(second), current[rewritten].GetString("Sha256"));
        Assert.True(current[deleted].GetBoolean("IsDeleted"));

        Harness.TableRequests.Reset();
        var quiet = await SyncAsync("third");
        Assert.Equal(0, quiet.Read);
        Assert.Equal(0, Harness.TableRequests.Writes);
        Assert.Equal(downloads + 1, Downloads);
    }

    [Fact]
    public async Task FilesThatBreakARuleGoToQuarantineWithTheirReason()
    {
        var program = _library.AddFile("verktyg.exe", [0x4D, 0x5A, 0x90, 0x00], Columns());
        var large = _library.AddFile("Stor.pdf", [.. NoteFiles.Pdf("stor"), .. new byte[60_000]], Columns());
        var fakeWord = _library.AddFile("Inte Word.docx", "Detta är ingen zip"u8.ToArray(), Columns());
        var fakePdf = _library.AddFile("Inte PDF.pdf", NoteFiles.Docx("en docx"), Columns());
        var fakeOdt = _library.AddFile("Inte ODT.odt", NoteFiles.Docx("en docx"), Columns());
        var undated = _library.AddFile("Utan datum.docx", NoteFiles.Docx("utan datum"), Columns(meetingDate: null));
        var dayFirst = _library.AddFile("Dag först.docx", NoteFiles.Docx("dag först"), Columns(meetingDate: "24/11/2026"));
        _library.AddFile("Godkänd.docx", NoteFiles.Docx("godkänd"), Columns());

        var counts = await SyncAsync();

        Assert.Equal((8, 1, 7), (counts.Read, counts.Created, counts.Quarantined));
        var reasons = new Dictionary<string, string>();
        await foreach (var row in Harness.Get<QuarantineStore>().ListAsync(MeetingNotesModule.Source)) reasons[row.GetString("ItemId")] = row.GetString("Reason");
        Assert.Contains("'.exe' are not taken", reasons[program], StringComparison.Ordinal);
        Assert.Contains("MeetingNotes__MaxFileBytes", reasons[large], StringComparison.Ordinal);
        Assert.Contains("not a zip package", reasons[fakeWord], StringComparison.Ordinal);
        Assert.Contains("does not start as a PDF", reasons[fakePdf], StringComparison.Ordinal);
        Assert.Contains("not an OpenDocument text", reasons[fakeOdt], StringComparison.Ordinal);
        Assert.Contains("Meeting date (column MeetingDate) is missing", reasons[undated], StringComparison.Ordinal);
        Assert.Contains("'24/11/2026'", reasons[dayFirst], StringComparison.Ordinal);
        // The type and size rules need no download; a claimed type is checked on the one download.
        Assert.Equal(4, Downloads);
        Assert.Single(await ArchiveAsync());
    }

    [Fact]
    public async Task TheSameContentUnderTwoNamesIsArchivedOnce()
    {
        var bytes = NoteFiles.Pdf("samma");
        _library.AddFile("A.pdf", bytes, Columns());
        _library.AddFile("B.pdf", bytes, Columns());

        await SyncAsync();

        Assert.Single(await ArchiveAsync());
        Assert.Equal(2, (await RowsAsync(MeetingNoteStore.VersionsPartition)).Count);
    }

    [Fact]
    public async Task AFileWhoseDownloadIsNotWhatTheDeltaSaidIsLeftForTheNextNightNotArchivedNorQuarantined()
    {
        var kept = NoteFiles.Pdf("protokoll");
        var uploaded = NoteFiles.Pdf("anteckningar som de laddades upp");
        _library.AddFile("Protokoll.pdf", kept, Columns());
        var replaced = _library.AddFile("Anteckningar.pdf", uploaded, Columns());
        // The same length, other bytes: only the quickXorHash tells them apart.
        var other = NoteFiles.Pdf("anteckningar som de sedan skrevs");
        Assert.Equal(uploaded.Length, other.Length);
        Harness.Graph.Faults.ServeInstead(replaced, other);

        var first = await SyncAsync("first");

        Assert.Equal([Sha256(kept)], (await ArchiveAsync()).Keys);
        Assert.DoesNotContain(replaced, (await RowsAsync(MeetingNoteStore.NotesPartition)).Keys);
        Assert.Single(await RowsAsync(MeetingNoteStore.VersionsPartition));
        Assert.Empty(await Harness.Get<QuarantineStore>().ListAsync(MeetingNotesModule.Source).ToListAsync());
        Assert.Equal((2, 1, 1, 0), (first.Read, first.Created, first.Deferred, first.Quarantined));
        SyncAssert.Reconciles(first);

        // Nothing changed in SharePoint: the night before's delta link was kept, so the file comes again.
        var second = await SyncAsync("second");

        Assert.Equal(new[] { Sha256(kept), Sha256(uploaded) }.Order(), (await ArchiveAsync()).Keys.Order());
        Assert.Equal(Sha256(uploaded), (await RowsAsync(MeetingNoteStore.NotesPartition))[replaced].GetString("Sha256"));
        Assert.Equal((2, 1, 1, 0), (second.Read, second.Created, second.Unchanged, second.Deferred));
        SyncAssert.Reconciles(second);

        var quiet = await SyncAsync("third");
        Assert.Equal(0, quiet.Read);
    }

    [Fact]
    public async Task ADownloadLongerThanTheFileIsCutOffAtItsSizeAndNotArchived()
    {
        var note = _library.AddFile("Protokoll.pdf", NoteFiles.Pdf("protokoll"), Columns());
        // 64 MB where SharePoint says a hundred bytes, and MeetingNotes__MaxFileBytes allows 50,000.
        var endless = GeneratedContent.Pdf(seed: 7, length: 64L * 1024 * 1024);
        Harness.Graph.Faults.ServeInstead(note, endless);

        var counts = await SyncAsync();

        Assert.Empty(await ArchiveAsync());
        Assert.Equal(1, Downloads);
        Assert.True(Harness.Graph.Requests.Downloads.Bytes < endless.Length, "The whole download was read.");
        Assert.Equal((1, 0, 1, 0), (counts.Read, counts.Created, counts.Deferred, counts.Quarantined));
        SyncAssert.Reconciles(counts);
    }
}
