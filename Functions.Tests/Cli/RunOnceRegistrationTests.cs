using Integration.Cli.Replay;
using Integration.Cli.RunOnce;
using Integration.Core.MeetingNotes;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;
using Integration.Functions.Tests.MeetingNotes;

namespace Integration.Functions.Tests.Cli;

/// <summary>
/// The night's case registration as an operator runs it: run-once works the case-registration
/// queue with the WebJobs listener (the host's retries and poison queue), and replay brings a
/// poisoned registration back once the case system is up.
/// </summary>
public class RunOnceRegistrationTests(AzuriteFixture azurite) : CaseSystemTest(azurite)
{
    private readonly List<string> _progress = [];

    private Task<RunSummary> RunOnceAsync() =>
        new RunOnceRunner(Harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

    private Task<ReplaySummary> ReplayAsync() =>
        new ReplayRunner(Harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(QueueNames.CaseRegistration, CancellationToken.None);

    [Fact]
    public async Task ACaseSystemDownLongerThanTheRetriesEndsInThePoisonQueueAndReplayRegistersEachVersionOnce()
    {
        Library.AddFile("Styrgruppsmöte.pdf", NoteFiles.Pdf("styrgrupp"), Columns());
        Library.AddFile("Arbetsgrupp & åäö.docx", NoteFiles.Docx("arbetsgrupp"), Columns(group: "Arbetsgrupp"));
        // Down for every call; Retry-After: 0 keeps the HTTP retries (and so the test) quick.
        Sif.Faults.Unavailable(null, count: 10_000, retryAfter: TimeSpan.Zero);

        var down = await RunOnceAsync();

        Assert.False(down.Succeeded);
        var notes = down.Sources.Single(s => s.Source == MeetingNotesModule.Source);
        Assert.Equal((SyncRunStatus.Succeeded, 2, 2), (notes.Status, notes.Read, notes.Created));
        Assert.Equal(SyncRunStatus.Failed, down.Step(CaseRegistrationSummary.Step).Status);
        Assert.Equal((0, 0, 2), (down.Step(CaseRegistrationSummary.Step).Count("registered"), down.Step(CaseRegistrationSummary.Step).Count("alreadyRegistered"), down.Step(CaseRegistrationSummary.Step).Count("failed")));
        Assert.Empty(Documents);
        Assert.Equal(2, await Harness.Get<PoisonQueues>().CountAsync(QueueNames.CaseRegistration, CancellationToken.None));
        Assert.All((await VersionsAsync()).Values, v =>
        {
            Assert.Equal(RegistrationState.Failed, v.GetString(MeetingNoteStore.RegistrationStateColumn));
            Assert.StartsWith("DocumentService/GetDocuments: the case system", v.GetString("LastError"), StringComparison.Ordinal);
        });
        Assert.Equal(2, (await Harness.Get<IntegrationStorage>().ContainerAsync(ContainerNames.MeetingNotes)).GetBlobs().Count());

        Sif.Faults.Clear();
        var replayed = await ReplayAsync();

        Assert.Equal(new ReplaySummary(QueueNames.CaseRegistration, 2, 2, 0, StillRunning: false), replayed);
        Assert.Equal(2, Documents.Count);
        Assert.Equal(0, await Harness.Get<PoisonQueues>().CountAsync(QueueNames.CaseRegistration, CancellationToken.None));
        Assert.All((await VersionsAsync()).Values, v => Assert.Equal(RegistrationState.Registered, v.GetString(MeetingNoteStore.RegistrationStateColumn)));

        var again = await RunOnceAsync();

        Assert.True(again.Succeeded, string.Join('\n', _progress));
        Assert.Equal((SyncRunStatus.Succeeded, 0, 0, 0), (again.Step(CaseRegistrationSummary.Step).Status, again.Step(CaseRegistrationSummary.Step).Count("registered"), again.Step(CaseRegistrationSummary.Step).Count("alreadyRegistered"), again.Step(CaseRegistrationSummary.Step).Count("failed")));
        Assert.Equal(2, Documents.Count);
        Assert.Equal(new ReplaySummary(QueueNames.CaseRegistration, 0, 0, 0, StillRunning: false), await ReplayAsync());
    }

    [Fact]
    public async Task WithoutACaseSystemNotesAreArchivedAndRegistrationIsReportedNotConfigured()
    {
        var settings = new Dictionary<string, string?>(Settings!) { ["CaseSystem:BaseUrl"] = null };
        await using var harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, settings: settings);
        harness.Site.AddDocumentLibrary(LibraryName).AddFile("Anteckningar.pdf", NoteFiles.Pdf("utan diarium"), Columns());

        var summary = await new RunOnceRunner(harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

        Assert.True(summary.Succeeded, string.Join('\n', _progress));
        Assert.Equal(1, summary.Sources.Single(s => s.Source == MeetingNotesModule.Source).Created);
        Assert.Equal(SyncRunStatus.Skipped, summary.Step(CaseRegistrationSummary.Step).Status);
        Assert.Contains("not configured", summary.Step(CaseRegistrationSummary.Step).Detail, StringComparison.Ordinal);
        var queue = await harness.Get<IntegrationStorage>().QueueAsync(QueueNames.CaseRegistration);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty(Sif.Requests.All);
    }
}
