using System.Security.Cryptography;
using Azure.Data.Tables;
using Integration.Core.CaseSystem;
using Integration.Core.CaseSystem.Sif;
using Integration.Core.Hosting;
using Integration.Core.MeetingNotes;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// Meeting notes from the library into the case system: the real Graph SDK against the stand-in's
/// drive, Azurite, and our SIF adapter over HTTP against the SIF stand-in. Each version is
/// registered exactly once, through duplicates, lost answers and outages.
/// </summary>
public class CaseRegistrationTests(AzuriteFixture azurite) : CaseSystemTest(azurite)
{
    // The resilience pipeline waits on the harness's fake clock, which stands still: retries within
    // a call come at once here. What is retried is the production rule.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);

    [Fact]
    public async Task ARegisteredVersionIsAnnouncedOnceWithItsDocumentNumberWhichIsWrittenOnTheFile()
    {
        Library.DefineColumn(MeetingNoteColumns.CaseDocumentNumber, "Dokumentnummer i diariet");
        var note = Library.AddFile("Nätverksmöte.docx", NoteFiles.Docx("Nätverksmöte"), Columns());

        await SyncAsync("night-1");
        // Archived, not announced yet: the announcement waits for the document number.
        Assert.DoesNotContain(await Harness.PeekNotificationsAsync(), n => n.Event == Integration.Core.Notifications.NotificationEvents.MeetingNoteAdded);
        Assert.Empty(await WorkQueueAsync());

        var document = Assert.Single(Documents);
        Assert.Equal(document.DocumentNumber, Library.Fields(note)![MeetingNoteColumns.CaseDocumentNumber]);
        var added = Assert.Single(await Harness.PeekNotificationsAsync(), n => n.Event == Integration.Core.Notifications.NotificationEvents.MeetingNoteAdded);
        Assert.Equal(("Diariefört som", document.DocumentNumber), (added.Facts[^1].Label, added.Facts[^1].Value));

        // The number written on the file comes back through delta: nothing is archived, registered or announced again.
        var echo = await SyncAsync("night-2");
        Assert.Equal((1, 1), (echo.Read, echo.Unchanged));
        Assert.Empty(await QueuedAsync());
        Assert.Single(await Harness.PeekNotificationsAsync(), n => n.Event == Integration.Core.Notifications.NotificationEvents.MeetingNoteAdded);
    }

    [Fact]
    public async Task EachNewVersionIsRegisteredOnTheNetworksCaseWithItsFileAndMarker()
    {
        var docx = NoteFiles.Docx("Nätverksmöte: upphandling från sociala företag, åäö");
        var pdf = NoteFiles.Pdf("Protokoll");
        var word = Library.AddFile("Möte #3 – 50% & åäö.docx", docx, Columns());
        Library.AddFile("Protokoll.pdf", pdf, Columns("2026-06-14T22:00:00Z", "Arbetsgrupp"));

        await SyncAsync();
        Assert.Equal(2, (await QueuedAsync()).Count);
        Assert.Empty(await WorkQueueAsync());

        Assert.Equal(2, Documents.Count);
        var note = Documents.Single(d => d.Files.Single().Sha256 == Sha256(docx));
        Assert.Equal("Minnesanteckningar Styrgrupp 2026-11-24", note.Title);
        Assert.Equal(new DateOnly(2026, 11, 24), DateOnly.FromDateTime(note.DocumentDate!.Value.Date));
        Assert.Equal(("N", "J", "O"), (note.Category, note.Status, note.AccessCode));
        Assert.Equal(CaseRegistrationHandler.Marker(word, Sha256(docx)), note.AdditionalFields["ExternalReference"]);
        Assert.Equal(("Möte #3 – 50% & åäö", "docx", (long)docx.Length), (note.Files[0].Title, note.Files[0].Format, note.Files[0].Length));
        Assert.Contains("Möte #3 – 50% & åäö.docx", note.Notes, StringComparison.Ordinal);
        Assert.Equal("Minnesanteckningar Arbetsgrupp 2026-06-15", Documents.Single(d => d.Files.Single().Sha256 == Sha256(pdf)).Title);

        var versions = await VersionsAsync();
        Assert.All(versions.Values, v => Assert.Equal(RegistrationState.Registered, v.GetString(MeetingNoteStore.RegistrationStateColumn)));
        Assert.Equal(Documents.Select(d => d.DocumentNumber).Order(), versions.Values.Select(v => v.GetString("DocumentNumber")).Order());
        Assert.Equal(new RegistrationCounts(2, 0, 0, 0), await Harness.Get<MeetingNoteStore>().CountRegistrationsAsync("night-1", CancellationToken.None));
    }

    [Fact]
    public async Task ARenameAMetadataEditAndADeleteRegisterNothingNewContentRegistersOnce()
    {
        var first = Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("v1"), Columns());
        var second = Library.AddFile("Protokoll.pdf", NoteFiles.Pdf("protokoll"), Columns());
        var third = Library.AddFile("Utkast.pdf", NoteFiles.Pdf("utkast"), Columns());
        await SyncAsync();
        Assert.Empty(await WorkQueueAsync());
        Assert.Equal(3, Documents.Count);

        Library.Rename(first, "Anteckningar 2026-11-24.pdf");
        Library.SetFields(second, Columns(group: "Arbetsgrupp"));
        Library.Delete(third);
        await SyncAsync("night-2");
        Assert.Empty(await QueuedAsync());

        var v2 = NoteFiles.Pdf("v2");
        Library.UpdateContent(first, v2);
        await SyncAsync("night-3");
        Assert.Single(await QueuedAsync());
        Assert.Empty(await WorkQueueAsync());

        Assert.Equal(4, Documents.Count);
        Assert.Equal(CaseRegistrationHandler.Marker(first, Sha256(v2)), Documents[^1].AdditionalFields["ExternalReference"]);
        await SyncAsync("night-4");
        Assert.Empty(await QueuedAsync());
        Assert.Equal(4, Documents.Count);
    }

    [Fact]
    public async Task ADuplicateMessageCreatesNoSecondDocumentInTurnOrAtOnce()
    {
        Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("en gång"), Columns());
        Library.AddFile("Protokoll.pdf", NoteFiles.Pdf("två gånger"), Columns());
        await SyncAsync();
        var messages = await QueuedAsync();
        var dispatcher = Harness.Get<QueueMessageDispatcher>();

        // In turn: the second delivery finds the version registered.
        await dispatcher.DispatchAsync(QueueNames.CaseRegistration, messages[0], 1, CancellationToken.None, "a");
        await dispatcher.DispatchAsync(QueueNames.CaseRegistration, messages[0], 1, CancellationToken.None, "b");

        // At once: one delivery holds the claim, the other is sent back to the queue and finds it done later.
        Sif.Faults.Slow("CreateDocument", TimeSpan.FromMilliseconds(500));
        var both = await Task.WhenAll(
            Outcome(() => dispatcher.DispatchAsync(QueueNames.CaseRegistration, messages[1], 1, CancellationToken.None, "c")),
            Outcome(() => dispatcher.DispatchAsync(QueueNames.CaseRegistration, messages[1], 1, CancellationToken.None, "d")));
        Assert.Single(both, e => e is null);
        Assert.Single(both, e => e is RegistrationBusyException);
        await dispatcher.DispatchAsync(QueueNames.CaseRegistration, messages[1], 2, CancellationToken.None, "d");

        Assert.Equal(2, Documents.Count);
        Assert.Equal(2, Sif.Requests.Count("CreateDocument"));
    }

    [Fact]
    public async Task ALostAnswerAfterCreateIsFoundByItsMarkerOnTheNextTryAndNotCreatedAgain()
    {
        var pdf = NoteFiles.Pdf("svaret försvann");
        var item = Library.AddFile("Anteckningar.pdf", pdf, Columns());
        await SyncAsync();
        Sif.Faults.LoseAnswer("CreateDocument");

        var firstTry = Assert.Single(await WorkQueueAsync());
        Assert.True(Assert.IsType<CaseSystemException>(firstTry).IsTransient);
        Assert.Single(Documents);
        Assert.Equal(1, Sif.Requests.Count("CreateDocument"));
        var failed = Assert.Single((await VersionsAsync()).Values);
        Assert.Equal(RegistrationState.Failed, failed.GetString(MeetingNoteStore.RegistrationStateColumn));
        Assert.Contains("CreateDocument", failed.GetString("LastError"), StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Empty(await WorkQueueAsync());

        var document = Assert.Single(Documents);
        Assert.Equal(1, Sif.Requests.Count("CreateDocument"));
        var version = Assert.Single((await VersionsAsync()).Values);
        Assert.Equal((RegistrationState.Registered, RegistrationState.Found, document.DocumentNumber),
            (version.GetString(MeetingNoteStore.RegistrationStateColumn), version.GetString("RegistrationOutcome"), version.GetString("DocumentNumber")));
        Assert.Equal(CaseRegistrationHandler.Marker(item, Sha256(pdf)), document.AdditionalFields["ExternalReference"]);
        Assert.Equal(new RegistrationCounts(0, 1, 0, 0), await Harness.Get<MeetingNoteStore>().CountRegistrationsAsync("night-1", CancellationToken.None));
    }

    [Fact]
    public async Task AServerErrorOnCreateIsNotRetriedByHttpButAQueryIs()
    {
        Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("fel"), Columns());
        await SyncAsync();
        Sif.Faults.Unavailable("GetDocuments", count: 2);
        Sif.Faults.ServerError("CreateDocument");

        var error = Assert.IsType<CaseSystemException>(Assert.Single(await WorkQueueAsync()));

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Sif.Requests.Count("GetDocuments"));
        Assert.Equal(1, Sif.Requests.Count("CreateDocument"));
        Assert.Empty(Documents);
    }

    [Fact]
    public async Task ABusinessErrorOrARefusedKeyIsAnErrorThatNamesTheCauseAndIsNotRetried()
    {
        Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("affärsfel"), Columns());
        await SyncAsync();
        Sif.Faults.BusinessError("CreateDocument", "Ärendet är avslutat.");

        var refused = Assert.IsType<CaseSystemException>(Assert.Single(await WorkQueueAsync()));
        Assert.False(refused.IsTransient);
        Assert.Equal("Ärendet är avslutat.", refused.ServerMessage);
        Assert.DoesNotContain("Ärendet", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sif.Requests.Count("CreateDocument"));
        Assert.Equal($"{SifCaseSystem.CreateDocumentOperation} was refused by the case system (Successful: false). It said: Ärendet är avslutat.",
            Assert.Single((await VersionsAsync()).Values).GetString("LastError"));
    }

    [Fact]
    public async Task AWrongKeyIsReportedAsSuchWithoutTheKey()
    {
        await using var other = await SifStandIn.StartAsync("another-key");
        var configuration = new Dictionary<string, string?>(Settings!) { ["CaseSystem:BaseUrl"] = other.BaseUrl.ToString() };
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: configuration);
        var caseSystem = harness.Get<ICaseSystem>();

        var error = await Assert.ThrowsAsync<CaseSystemException>(() => caseSystem.FindDocumentAsync(NetworkCase, "x", CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("refused the API key (HTTP 401)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargeFileIsStreamedFromTheArchiveAndArrivesWhole()
    {
        var big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(big);
        "%PDF-1.7\n"u8.CopyTo(big);
        Library.AddFile("Stor bilaga.pdf", big, Columns());
        await SyncAsync();

        Assert.Empty(await WorkQueueAsync());

        var file = Assert.Single(Assert.Single(Documents).Files);
        Assert.Equal((big.LongLength, Sha256(big)), (file.Length, file.Sha256));
    }

    [Fact]
    public async Task AVersionArchivedWithoutACaseSystemIsQueuedOnTheFirstNightWithOne()
    {
        // The same library and storage, served first by a deployment without a case system.
        Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("före diariet"), Columns());
        var withoutCaseSystem = new Dictionary<string, string?>(Harness.Configuration.AsEnumerable().ToDictionary()) { ["CaseSystem:BaseUrl"] = null };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(withoutCaseSystem).Build();
        await using (var before = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Harness.Time).AddIntegration(configuration).BuildServiceProvider())
        {
            await before.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source).RunAsync("night-0", CancellationToken.None);
        }

        Assert.Empty(await QueuedAsync());
        Assert.Equal(RegistrationState.Pending, Assert.Single((await VersionsAsync()).Values).GetString(MeetingNoteStore.RegistrationStateColumn));

        // Now with a case system, and a library that did not change: the night queues the pending version.
        await SyncAsync("night-1");
        Assert.Empty(await WorkQueueAsync());

        Assert.Single(Documents);
        Assert.Equal(RegistrationState.Registered, Assert.Single((await VersionsAsync()).Values).GetString(MeetingNoteStore.RegistrationStateColumn));
        await SyncAsync("night-2");
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task ARegistrationWhoseMessageWasLostIsQueuedAgainADayLaterAndOnlyThen()
    {
        Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("borttappat meddelande"), Columns());
        await SyncAsync();
        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.CaseRegistration);
        await queue.ClearMessagesAsync();

        Harness.Time.Advance(TimeSpan.FromHours(23));
        await SyncAsync("night-2");
        Assert.Empty(await QueuedAsync());

        Harness.Time.Advance(TimeSpan.FromHours(2));
        await SyncAsync("night-3");
        Assert.Single(await QueuedAsync());
        Assert.Empty(await WorkQueueAsync());
        Assert.Single(Documents);
    }

    private static async Task<Exception?> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
