using Azure;
using Azure.Data.Tables;
using Integration.Core.CaseSystem;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// How a night without a case system writes its new versions, against Azurite and the Graph stand-in:
/// a page's version rows and their announcements go in transactions, not one write each, and a run
/// that stopped half-way is finished by the next without a row written twice or an event lost or repeated.
/// </summary>
public class VersionWriteTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string LibraryName = "Mötesanteckningar";

    /// <summary>Two delta pages: 200 and 50 notes.</summary>
    private const int Notes = 250;

    private DocumentLibrary _library = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Libraries:MeetingNotes"] = LibraryName,
        ["SharePoint:PageSize"] = "200",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _library = Harness.Site.AddDocumentLibrary(LibraryName);
    }

    private static Dictionary<string, object?> Columns() => new() { ["MeetingDate"] = "2026-11-23T23:00:00Z", ["NetworkGroup"] = "Styrgrupp" };

    private List<string> AddNotes(int count) =>
        [.. Enumerable.Range(1, count).Select(i => _library.AddFile($"Nätverksmöte {i}.pdf", NoteFiles.Pdf($"nätverksmöte {i}"), Columns()))];

    private Task<SyncCounts> SyncAsync(string runId) =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source).RunAsync(runId, CancellationToken.None);

    private Task<TableClient> TableAsync() => Harness.Get<IntegrationStorage>().TableAsync(TableNames.MeetingNotes);

    private async Task<Dictionary<string, TableEntity>> VersionsAsync() =>
        await (await TableAsync()).QueryAsync<TableEntity>(e => e.PartitionKey == MeetingNoteStore.VersionsPartition).ToDictionaryAsync(e => e.RowKey);

    private int Downloads => Harness.Graph.Requests.Count("GET", "/content");

    /// <summary>Takes every event off the notifications queue, as the digest would.</summary>
    private async Task<List<NotificationMessage>> TakeEventsAsync()
    {
        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.Notifications);
        var taken = new List<NotificationMessage>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                taken.AddRange(QueuedNotifications.Events(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return [.. taken.Where(e => e.Event == NotificationEvents.MeetingNoteAdded)];
    }

    [Fact]
    public async Task APagesVersionRowsAndTheirAnnouncementsAreWrittenInTransactionsAndEachVersionIsAnnouncedOnce()
    {
        var notes = AddNotes(Notes);

        Harness.TableRequests.Reset();
        var counts = await SyncAsync("night-1");

        Assert.Equal((Notes, Notes, 0), (counts.Read, counts.Created, counts.Quarantined));
        SyncAssert.Reconciles(counts);
        var requests = Harness.TableRequests;
        // Per page of 200 and of 50: the engine's rows, the version rows and their Announced marks,
        // two transactions each for the first page and one each for the second. Written one by one,
        // as before, a version row and its mark (and the outbox's ledger row) were three writes a note.
        Assert.Equal(9, requests.Transactions);
        Assert.True(requests.Writes - requests.Transactions < 10, $"{requests.Writes - requests.Transactions} single-entity writes for {Notes} notes");

        var versions = await VersionsAsync();
        Assert.Equal(Notes, versions.Count);
        Assert.All(versions.Values, v => Assert.True(MeetingNoteAnnouncement.IsDone(v)));
        // The announcements went packed: a few messages a page, not one a note.
        var queued = (await (await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.Notifications)).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        Assert.InRange(queued, 2, 10);
        var events = await TakeEventsAsync();
        Assert.Equal(notes.Order(), events.Select(e => e.ItemId).Order());
        Assert.Equal(Notes, events.Select(e => e.EventId).Distinct().Count());
        Assert.All(events, e => Assert.Equal([("Mötesdatum", "2026-11-24"), ("Grupp", "Styrgrupp")], e.Facts.Select(f => (f.Label, f.Value))));

        // A quiet night writes and tells nothing.
        requests.Reset();
        Assert.Equal(0, (await SyncAsync("night-2")).Read);
        Assert.Equal(0, requests.Writes);
        Assert.Empty(await TakeEventsAsync());
    }

    [Fact]
    public async Task ARunThatStoppedAfterItsVersionRowsIsFinishedByTheNextWithoutARowOrAnEventTwice()
    {
        var notes = AddNotes(Notes);
        await SyncAsync("night-1");
        var table = await TableAsync();
        var archived = await VersionsAsync();
        var downloads = Downloads;
        Assert.Equal(Notes, (await TakeEventsAsync()).Count);

        // The run stopped after its version rows, before the announcements of a third of them.
        var unannounced = archived.Keys.Where((_, i) => i % 3 == 0).ToHashSet();
        foreach (var key in unannounced)
        {
            await table.UpdateEntityAsync(new TableEntity(MeetingNoteStore.VersionsPartition, key) { [MeetingNoteAnnouncement.AnnouncedColumn] = false }, ETag.All);
        }

        await StoppedRun.BeforeTheCheckpointAsync(Harness);
        var rerun = await SyncAsync("night-1-again");

        Assert.Equal((Notes, Notes), (rerun.Read, rerun.Created));
        SyncAssert.Reconciles(rerun);
        Assert.Equal(downloads, Downloads);
        var versions = await VersionsAsync();
        Assert.Equal(archived.Keys.Order(), versions.Keys.Order());
        Assert.All(versions.Values, v => Assert.Equal(archived[v.RowKey].GetDateTimeOffset("ArchivedAt"), v.GetDateTimeOffset("ArchivedAt")));
        Assert.All(versions.Values, v => Assert.True(MeetingNoteAnnouncement.IsDone(v)));
        var events = await TakeEventsAsync();
        // Each version left unannounced is told now, once, under its own event id; the others are not told again.
        var expected = unannounced.ToDictionary(k => $"{MeetingNotesModule.Source}:{k}:{NotificationEvents.MeetingNoteAdded}", k => archived[k].GetString("ItemId"));
        Assert.Equal(expected.OrderBy(e => e.Key), events.ToDictionary(e => e.EventId, e => e.ItemId).OrderBy(e => e.Key));
        Assert.All(events, e => Assert.Contains(e.ItemId, notes));

        // Stopped again, all announced by now: the next run tells nothing.
        await StoppedRun.BeforeTheCheckpointAsync(Harness);
        await SyncAsync("night-1-third");
        Assert.Empty(await TakeEventsAsync());
        Assert.Equal(Notes, (await VersionsAsync()).Count);
    }

    [Fact]
    public async Task AVersionRecordedAlreadyFailsItsTransactionAndIsLeftAsItIsTheRestOfItsChunkAdded()
    {
        var store = Harness.Get<MeetingNoteStore>();
        var notes = Enumerable.Range(1, 150).Select(i => new MeetingNote(
            $"item-{i}", "drive", $"Möte {i}.pdf", null, Convert.ToBase64String(BitConverter.GetBytes((long)i)), 100 + i, "application/pdf",
            new DateOnly(2026, 11, 24), "Styrgrupp", null, $"sha-{i}", $"meeting-notes/sha-{i}")).ToList();
        var registered = notes[42];
        var key = MeetingNoteStore.VersionKey(registered.ItemId, registered.QuickXorHash);
        var earlier = DateTimeOffset.Parse("2026-11-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await store.AddVersionsAsync([registered], earlier, queuing: true, CancellationToken.None);
        await store.MarkRegisteredAsync(key, new CaseDocument("AMN 2021-0112-1.4:7", "rec-7"), RegistrationState.Created, "night-0", earlier, CancellationToken.None);

        Harness.TableRequests.Reset();
        var rows = await store.AddVersionsAsync(notes, earlier.AddDays(1), queuing: true, CancellationToken.None);

        // The first chunk of a hundred failed on the recorded row and was added row by row; the second went whole.
        Assert.Equal(2, Harness.TableRequests.Transactions);
        Assert.Equal(2 + 100, Harness.TableRequests.Writes);
        Assert.Equal(notes.Count, rows.Count);
        Assert.Equal(RegistrationState.Registered, rows.Single(r => r.RowKey == key).GetString(MeetingNoteStore.RegistrationStateColumn));
        var versions = await VersionsAsync();
        Assert.Equal(notes.Count, versions.Count);
        Assert.Equal(RegistrationState.Registered, versions[key].GetString(MeetingNoteStore.RegistrationStateColumn));
        Assert.Equal("AMN 2021-0112-1.4:7", versions[key].GetString("DocumentNumber"));
        Assert.Equal(earlier, versions[key].GetDateTimeOffset("ArchivedAt"));
        Assert.All(versions.Values.Where(v => v.RowKey != key), v => Assert.Equal(RegistrationState.Pending, v.GetString(MeetingNoteStore.RegistrationStateColumn)));
    }
}
