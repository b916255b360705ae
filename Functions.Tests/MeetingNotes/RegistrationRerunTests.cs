using Integration.Core.Hosting;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// With a case system, a run that stopped between its archives and its checkpoint, redone by the next:
/// through Azurite, the Graph stand-in and the SIF stand-in, no version is recorded, registered or
/// announced twice, and a registered version's state is left as it is.
/// </summary>
public class RegistrationRerunTests(AzuriteFixture azurite) : CaseSystemTest(azurite)
{
    private async Task<List<NotificationMessage>> AnnouncedAsync() =>
        [.. (await Harness.PeekNotificationsAsync()).Where(n => n.Event == NotificationEvents.MeetingNoteAdded)];

    private List<string> AddNotes(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Library.AddFile($"Protokoll {i}.pdf", NoteFiles.Pdf($"protokoll {i}"), Columns()))];

    [Fact]
    public async Task ARerunLeavesARegisteredVersionAloneAndQueuesRegistersAndAnnouncesNothingAgain()
    {
        AddNotes(3);
        await SyncAsync("night-1");
        Assert.Empty(await WorkQueueAsync());
        var registered = await VersionsAsync();
        Assert.All(registered.Values, v => Assert.Equal(RegistrationState.Registered, v.GetString(MeetingNoteStore.RegistrationStateColumn)));
        Assert.Equal(3, (await AnnouncedAsync()).Count);

        await StoppedRun.BeforeTheCheckpointAsync(Harness);
        var rerun = await SyncAsync("night-1-again");

        Assert.Equal((3, 3), (rerun.Read, rerun.Created));
        Assert.Empty(await QueuedAsync());
        var versions = await VersionsAsync();
        Assert.Equal(registered.Keys.Order(), versions.Keys.Order());
        Assert.All(versions.Values, v => Assert.Equal(
            (RegistrationState.Registered, registered[v.RowKey].GetString("DocumentNumber"), registered[v.RowKey].GetDateTimeOffset("ArchivedAt")),
            (v.GetString(MeetingNoteStore.RegistrationStateColumn), v.GetString("DocumentNumber"), v.GetDateTimeOffset("ArchivedAt"))));
        Assert.Equal(3, Documents.Count);
        Assert.Equal(3, (await AnnouncedAsync()).Count);
    }

    [Fact]
    public async Task ARunThatStoppedBeforeItsRegistrationsWereQueuedHasEachQueuedRegisteredAndAnnouncedOnceByTheNext()
    {
        AddNotes(3);
        await SyncAsync("night-1");
        // The messages never left: the run stopped between its version rows and the queue.
        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.CaseRegistration);
        await queue.ClearMessagesAsync();

        await StoppedRun.BeforeTheCheckpointAsync(Harness);
        await SyncAsync("night-1-again");

        var queued = (await QueuedAsync()).Select(QueueSender.Parse<CaseRegistrationMessage>).ToList();
        Assert.Equal((await VersionsAsync()).Keys.Order(), queued.Select(m => m.VersionKey).Order());
        Assert.Empty(await WorkQueueAsync());
        Assert.Equal(3, Documents.Count);
        var announced = await AnnouncedAsync();
        Assert.Equal(3, announced.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(3, announced.Count);
    }

    [Fact]
    public async Task AVersionAnnouncedAsItWasArchivedIsNotAnnouncedAgainWhenItIsRegisteredLater()
    {
        Library.DefineColumn(MeetingNoteColumns.CaseDocumentNumber, "Dokumentnummer i diariet");
        var note = Library.AddFile("Anteckningar.pdf", NoteFiles.Pdf("före diariet"), Columns());
        var withoutCaseSystem = new Dictionary<string, string?>(Harness.Configuration.AsEnumerable().ToDictionary()) { ["CaseSystem:BaseUrl"] = null };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(withoutCaseSystem).Build();
        await using (var before = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Harness.Time).AddIntegration(configuration).BuildServiceProvider())
        {
            await before.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source).RunAsync("night-0", CancellationToken.None);
        }

        Assert.Single(await AnnouncedAsync());

        await SyncAsync("night-1");
        Assert.Empty(await WorkQueueAsync());

        var document = Assert.Single(Documents);
        Assert.Equal(document.DocumentNumber, Library.Fields(note)![MeetingNoteColumns.CaseDocumentNumber]);
        Assert.Single(await AnnouncedAsync());
    }
}
