using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// The meeting-notes library without a case system: a refused file says why on itself, in Swedish,
/// and is named by its file name; each new version is announced once, as it is archived.
/// </summary>
public class MeetingNoteProblemTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string LibraryName = "Mötesanteckningar";

    private DocumentLibrary _library = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Libraries:MeetingNotes"] = LibraryName,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _library = Harness.Site.AddDocumentLibrary(LibraryName);
        _library
            .DefineColumn(MeetingNoteColumns.MeetingDate, "Mötesdatum", ColumnType.DateOnly)
            .DefineColumn(MeetingNoteColumns.GroupDefault, "Grupp")
            .DefineColumn(MeetingNoteColumns.CaseDocumentNumber, "Dokumentnummer i diariet")
            .DefineColumn(DataProblemColumn.Name, DataProblemColumn.DisplayName, ColumnType.MultilineText);
    }

    private static Dictionary<string, object?> Columns(string? meetingDate = "2026-11-23T23:00:00Z") =>
        new() { ["MeetingDate"] = meetingDate, ["NetworkGroup"] = "Styrgrupp" };

    private Task<SyncCounts> SyncAsync(string runId) =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source).RunAsync(runId, CancellationToken.None);

    private string? Problem(string itemId) => _library.Fields(itemId)?.GetValueOrDefault(DataProblemColumn.Name) as string;

    private async Task<List<NotificationMessage>> EventsAsync(string kind) =>
        [.. (await Harness.PeekNotificationsAsync()).Where(n => n.Event == kind)];

    [Fact]
    public async Task ARefusedFileSaysWhyOnItselfAndIsNamedByItsFileName()
    {
        var text = _library.AddFile("Anteckningar.txt", "bara text"u8.ToArray(), Columns());
        var undated = _library.AddFile("Protokoll 3 december.pdf", NoteFiles.Pdf("protokoll"), Columns(meetingDate: null));
        var fake = _library.AddFile("Minnesanteckningar.docx", NoteFiles.Pdf("en pdf med fel namn"), Columns());

        var first = await SyncAsync("night-1");

        Assert.Equal((3, 3, 3), (first.Read, first.Quarantined, first.Extra["problemsWritten"]));
        Assert.Equal("Filer av typen '.txt' tas inte in som minnesanteckningar. Spara anteckningarna som .docx, .pdf, .odt och ladda upp dem igen.", Problem(text));
        Assert.Equal("Mötesdatum saknas. Fyll i kolumnen Mötesdatum.", Problem(undated));
        Assert.StartsWith("Filens innehåll är inte en riktig docx-fil", Problem(fake), StringComparison.Ordinal);

        // Named by its file name, which is what people find it by, in the Quarantine table and in Teams.
        var open = await Harness.Get<QuarantineStore>().OpenEntriesAsync(MeetingNotesModule.Source).ToListAsync();
        Assert.Equal("item " + undated + " 'Protokoll 3 december.pdf'", open.Single(e => e.ItemId == undated).Label);
        Assert.Contains("Protokoll 3 december.pdf", (await EventsAsync(NotificationEvents.DataProblemFound)).Select(e => e.Title));

        // The echo of the three writes: the files read again, nothing written or told again. The file
        // whose content was refused is downloaded once more (its refusal is known only from its bytes),
        // refused for the same reason, and left at that.
        Harness.Graph.Requests.Clear();
        var echo = await SyncAsync("night-2");
        Assert.Equal((3, 3), (echo.Read, echo.Quarantined));
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Equal(1, Harness.Graph.Requests.Count("GET", "/content"));
        Harness.Graph.Requests.Clear();
        Assert.Equal(0, (await SyncAsync("night-2b")).Read);
        Assert.DoesNotContain(Harness.Graph.Requests.All, r => r.Method != "GET" || r.PathAndQuery.Contains("/content", StringComparison.Ordinal));
        Assert.Equal(3, (await EventsAsync(NotificationEvents.DataProblemFound)).Count);

        // Fixed: the meeting date is filled in; the file is archived and its text cleared.
        _library.SetFields(undated, Columns());
        var fixedNight = await SyncAsync("night-3");
        Assert.Equal((1, 1), (fixedNight.Created, fixedNight.Extra["problemsCleared"]));
        Assert.Null(Problem(undated));
    }

    [Fact]
    public async Task EachNewVersionIsAnnouncedOnceAsItIsArchivedWithoutACaseSystem()
    {
        var note = _library.AddFile("Nätverksmöte november.docx", NoteFiles.Docx("Nätverksmöte"), Columns());

        await SyncAsync("night-1");
        await SyncAsync("night-2");

        var added = Assert.Single(await EventsAsync(NotificationEvents.MeetingNoteAdded));
        Assert.Equal("Nätverksmöte november.docx", added.Title);
        Assert.Equal(note, added.ItemId);
        Assert.Equal([("Mötesdatum", "2026-11-24"), ("Grupp", "Styrgrupp")], added.Facts.Select(f => (f.Label, f.Value)));
        Assert.NotNull(added.WebUrl);

        // A new version is announced again; a rename is no new version.
        _library.UpdateContent(note, NoteFiles.Docx("Nätverksmöte, rättad"));
        await SyncAsync("night-3");
        _library.Rename(note, "Nätverksmöte november (rättad).docx");
        await SyncAsync("night-4");
        Assert.Equal(2, (await EventsAsync(NotificationEvents.MeetingNoteAdded)).Count);
    }
}
