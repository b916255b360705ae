using System.Text;
using Azure.Data.Tables;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Sync;

/// <summary>
/// The engine on a document library's drive delta, through the real Graph SDK against the
/// stand-in and into Azurite, with a source that is only a mapping and table actions.
/// </summary>
public class LibrarySourceTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string LibraryName = "Mötesanteckningar";

    private DocumentLibrary _library = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["TestLibrary"] = LibraryName };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddDeltaSource<LibraryTestSource, DriveFile, LibraryFile>(new(LibraryTestSource.SourceName, "TestLibrary", _ => null));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _library = Harness.Site.AddDocumentLibrary(LibraryName);
    }

    private static Dictionary<string, object?> Columns(string group) => new() { ["NetworkGroup"] = group, ["MeetingDate"] = "2026-11-23T23:00:00Z" };

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private Task<SyncCounts> SyncAsync(string runId = "run") =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == LibraryTestSource.SourceName).RunAsync(runId, CancellationToken.None);

    private async Task<Dictionary<string, TableEntity>> RowsAsync()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(LibraryTestSource.TableName);
        return await table.QueryAsync<TableEntity>(e => e.PartitionKey == LibraryTestSource.Partition).ToDictionaryAsync(e => e.RowKey);
    }

    private async Task<List<TableEntity>> QuarantineAsync() =>
        await Harness.Get<QuarantineStore>().ListAsync(LibraryTestSource.SourceName).ToListAsync();

    [Fact]
    public async Task AFullSyncStoresTheFilesNotTheFoldersAndQuarantinesWhatTheMappingRefuses()
    {
        var folder = _library.AddFolder("2026");
        var notes = _library.AddFile("Nätverksmöte 2026-11-24.docx", Text("anteckningar"), Columns("Styrgrupp"));
        var minutes = _library.AddFile("Protokoll.pdf", Text("protokoll"), Columns("Arbetsgrupp"), folder);
        var program = _library.AddFile("verktyg.exe", Text("MZ"), Columns("Styrgrupp"));
        var unlabelled = _library.AddFile("Utkast.odt", Text("utkast"));

        var counts = await SyncAsync();

        Assert.Equal((4, 2, 2), (counts.Read, counts.Created, counts.Quarantined));
        SyncAssert.Reconciles(counts);
        var rows = await RowsAsync();
        Assert.Equal(new[] { minutes, notes }.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Styrgrupp", rows[notes].GetString("Group"));
        Assert.Equal("Nätverksmöte 2026-11-24.docx", rows[notes].GetString("Name"));
        Assert.False(string.IsNullOrEmpty(rows[notes].GetString("QuickXorHash")));
        var quarantine = (await QuarantineAsync()).ToDictionary(r => r.GetString("ItemId"));
        Assert.Contains("'.exe' files are not taken", quarantine[program].GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("NetworkGroup is missing", quarantine[unlabelled].GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("verktyg.exe", quarantine[program].GetString("RawPayload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesArriveThroughDeltaAndAQuietNightWritesNothing()
    {
        var renamed = _library.AddFile("Möte 1.docx", Text("ett"), Columns("Styrgrupp"));
        var rewritten = _library.AddFile("Möte 2.docx", Text("två"), Columns("Styrgrupp"));
        var regrouped = _library.AddFile("Möte 3.docx", Text("tre"), Columns("Styrgrupp"));
        var deleted = _library.AddFile("Möte 4.docx", Text("fyra"), Columns("Styrgrupp"));
        var untouched = _library.AddFile("Möte 5.docx", Text("fem"), Columns("Styrgrupp"));
        await SyncAsync("first");
        var hashBefore = (await RowsAsync())[rewritten].GetString("QuickXorHash");

        _library.Rename(renamed, "Möte 1 (justerat).docx");
        _library.UpdateContent(rewritten, Text("två, andra versionen"));
        _library.SetFields(regrouped, Columns("Arbetsgrupp"));
        _library.Delete(deleted);
        var second = await SyncAsync("second");

        Assert.Equal((4, 3, 1, 0), (second.Read, second.Updated, second.Deleted, second.Created));
        SyncAssert.Reconciles(second);
        var rows = await RowsAsync();
        Assert.Equal("Möte 1 (justerat).docx", rows[renamed].GetString("Name"));
        Assert.NotEqual(hashBefore, rows[rewritten].GetString("QuickXorHash"));
        Assert.Equal("Arbetsgrupp", rows[regrouped].GetString("Group"));
        Assert.True(rows[deleted].GetBoolean("IsDeleted"));
        Assert.False(rows[untouched].GetBoolean("IsDeleted"));

        Harness.TableRequests.Reset();
        var listItemReads = Harness.Graph.Requests.Count("GET", "/listItem");
        var quiet = await SyncAsync("third");

        Assert.Equal(0, quiet.Read);
        Assert.Equal(0, Harness.TableRequests.Writes);
        Assert.Equal(listItemReads, Harness.Graph.Requests.Count("GET", "/listItem"));
    }

    [Fact]
    public async Task AnExpiredTokenMeansAFullResyncThatTombstonesWhatIsGone()
    {
        var kept = _library.AddFile("Kvar.docx", Text("kvar"), Columns("Styrgrupp"));
        var gone = _library.AddFile("Borta.docx", Text("borta"), Columns("Styrgrupp"));
        await SyncAsync("first");

        _library.Delete(gone);
        _library.ExpireDeltaTokens();
        var counts = await SyncAsync("second");

        SyncAssert.Reconciles(counts);
        Assert.Equal((1, 1), (counts.Unchanged, counts.Deleted));
        var rows = await RowsAsync();
        Assert.True(rows[gone].GetBoolean("IsDeleted"));
        Assert.False(rows[kept].GetBoolean("IsDeleted"));
    }

    [Fact]
    public async Task TheLibraryIsResolvedOnceAndKeptByDriveId()
    {
        _library.AddFile("Möte.docx", Text("möte"), Columns("Styrgrupp"));

        await SyncAsync("first");
        await SyncAsync("second");

        var checkpoint = await Harness.Get<DeltaCheckpointStore>().GetAsync(LibraryTestSource.SourceName, CancellationToken.None);
        Assert.Equal((LibraryName, _library.DriveId), (checkpoint!.SourceRef, checkpoint.SourceId));
        Assert.Equal(1, Harness.Graph.Requests.Count("GET", "/drives?"));
    }

    [Fact]
    public async Task ADriveDeltaThatGoesBackToItsFirstPageStopsAtTheRepeatWithoutACheckpoint()
    {
        // Pages of 5: the root and four files, then three files and, instead of the delta link, the
        // first page again, whose nextLink is the one already followed.
        for (var i = 0; i < 7; i++) _library.AddFile($"Möte {i}.docx", Text($"möte {i}"), Columns("Styrgrupp"));
        Harness.Graph.Faults.LoopPages(PageLoop.BackToFirst, pathContains: "delta");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sync = Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == LibraryTestSource.SourceName);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => sync.RunAsync("run", bound.Token));

        Assert.Contains(LibraryTestSource.SourceName, error.Message, StringComparison.Ordinal);
        Assert.Contains("@odata.nextLink", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Harness.Graph.Requests.Count("GET", "delta"));
        Assert.Null(await Harness.Get<DeltaCheckpointStore>().GetAsync(LibraryTestSource.SourceName, CancellationToken.None));
    }
}
