using System.Globalization;
using System.Security.Cryptography;
using Integration.Cli.Hosting;
using Integration.Emulators.Azurite;
using Integration.Emulators.Bench;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;

namespace Integration.Cli.Bench;

/// <summary>
/// The meeting-notes part of the benchmark. It starts Azurite and the Graph stand-in (and, for registration,
/// the SIF stand-in) in processes of their own, seeds a library of generated PDF notes, and runs each measured
/// phase in a fresh child process: a full first sync, a quiet night and 1% nights without a case system, then
/// one large note and a small one through download, hash, archive and registration.
/// </summary>
internal sealed class NotesBench(Action<string> progress)
{
    public const long MinNoteBytes = 20L * 1024;
    public const long MaxNoteBytes = 20L * 1024 * 1024;
    public const long BaselineNoteBytes = 20L * 1024;

    /// <summary>The network's case (AMN, the labour-market board) that the notes are registered on.</summary>
    public const string NetworkCaseNumber = "AMN 2021-0112-1.4";

    private const string LargeNoteLibrary = "Stor anteckning";
    private const string BaselineNoteLibrary = "Liten anteckning";
    private const int OnePercentNights = 3;
    private const int SingleNotePairs = 3;
    private const long DefaultMaxFileBytes = 100L * 1024 * 1024;

    public int PageSize { get; init; } = 200;

    /// <param name="notes">Notes in the library; at least one.</param>
    /// <param name="noteMiB">Size of the large note; 0 leaves the single-note phases out.</param>
    public async Task<NotesBenchRun> RunAsync(int notes, int noteMiB, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(notes);
        ArgumentOutOfRangeException.ThrowIfNegative(noteMiB);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Each phase's process first syncs this small library with storage of its own (see NotesWarmUp).
        progress($"Meeting notes: starting Azurite and a Graph stand-in with {NotesWarmUp.Notes} notes for the phases' warm-up…");
        await using var warmUpStorage = await AzuriteServer.StartAsync(progress, ct);
        await using var warmUpGraph = await GraphStandInProcess.StartAsync(ct: ct);
        var warmUpLibrary = await warmUpGraph.Control.SeedMeetingNotesAsync(
            MeetingNoteGenerator.LibraryName, NotesWarmUp.Notes, seed: 1, today, NotesWarmUp.MinBytes, NotesWarmUp.MaxBytes, ct);
        var warmUp = Settings(warmUpStorage, warmUpGraph, warmUpLibrary.SiteId, MeetingNoteGenerator.LibraryName)
            .ToDictionary(s => $"{NotesWarmUp.Section}__{s.Key}", s => s.Value);

        await using var graph = await GraphStandInProcess.StartAsync(ct: ct);
        var library = await RunLibraryAsync(graph, notes, today, warmUp, ct);
        var single = noteMiB > 0 ? await RunSingleNoteAsync(graph, noteMiB * 1024L * 1024, today, warmUp, ct) : null;
        return new NotesBenchRun(library, single);
    }

    private async Task<NoteLibraryRun> RunLibraryAsync(
        GraphStandInProcess graph, int notes, DateOnly today, IReadOnlyDictionary<string, string> warmUp, CancellationToken ct)
    {
        progress($"Meeting notes: seeding {notes:N0} generated PDF notes of {Size(MinNoteBytes)} to {Size(MaxNoteBytes)} in the Graph stand-in…");
        var library = MeetingNoteGenerator.LibraryName;
        var seeded = await graph.Control.SeedMeetingNotesAsync(library, notes, seed: 42, today, MinNoteBytes, MaxNoteBytes, ct);
        progress($"Meeting notes: {seeded.Count:N0} notes, {Size(seeded.Bytes)} in all. Starting Azurite for them…");
        await using var azurite = await AzuriteServer.StartAsync(progress, ct);
        // No CaseSystem__* settings: these phases measure download, hash, archive and index only.
        var settings = Settings(azurite, graph, seeded.SiteId, library).Concat(warmUp).ToDictionary();

        var full = await MeasureAsync(graph, NotePhases.FullSync, settings, "full first sync", ct);
        var quiet = await MeasureAsync(graph, NotePhases.Sync, settings, "quiet night", ct);

        // A 1% night lasts about a second, where the machine's drift shows: three nights, each with new
        // versions of its own, and the one with the median sync time is reported.
        var nights = new List<(int Changed, NotePhase Phase)>();
        for (var night = 1; night <= OnePercentNights; night++)
        {
            var change = await graph.Control.MutateMeetingNotesAsync(library, 0.01, seed: 6 + night, today, ct);
            nights.Add((change.Changed, await MeasureAsync(graph, NotePhases.Sync, settings, $"1% night ({night} of {OnePercentNights})", ct)));
        }

        var (changed, onePercent) = nights.OrderBy(n => n.Phase.Result.Seconds).ElementAt(nights.Count / 2);
        return new NoteLibraryRun(notes, seeded.Bytes, MinNoteBytes, MaxNoteBytes, PageSize, full, quiet,
            changed, [.. nights.Select(n => n.Phase.Result.Seconds)], onePercent);
    }

    private async Task<SingleNoteRun> RunSingleNoteAsync(
        GraphStandInProcess graph, long noteBytes, DateOnly today, IReadOnlyDictionary<string, string> warmUp, CancellationToken ct)
    {
        progress($"Meeting notes: one note of {Size(noteBytes)} and one of {Size(BaselineNoteBytes)}, each through download, hash, archive and registration…");
        var large = await graph.Control.SeedMeetingNotesAsync(LargeNoteLibrary, 1, seed: 50, today, noteBytes, noteBytes, ct);
        await graph.Control.SeedMeetingNotesAsync(BaselineNoteLibrary, 1, seed: 20, today, BaselineNoteBytes, BaselineNoteBytes, ct);
        await using var azurite = await AzuriteServer.StartAsync(progress, ct);

        // The machine's memory figures move a little between runs: the pair with the median growth is reported.
        var pairs = new List<SingleNotePair>();
        for (var pair = 1; pair <= SingleNotePairs; pair++)
        {
            var baseline = await RegisterAsync(graph, azurite, large.SiteId, BaselineNoteLibrary, noteBytes, warmUp, $"{Size(BaselineNoteBytes)} note ({pair} of {SingleNotePairs})", ct);
            var note = await RegisterAsync(graph, azurite, large.SiteId, LargeNoteLibrary, noteBytes, warmUp, $"{Size(noteBytes)} note ({pair} of {SingleNotePairs})", ct);
            pairs.Add(new SingleNotePair(baseline, note));
            progress($"Meeting notes: peak working set {Size(note.Result.PeakWorkingSetBytes)} against {Size(baseline.Result.PeakWorkingSetBytes)}: {Size(pairs[^1].PeakGrowthBytes)} more.");
        }

        return new SingleNoteRun(noteBytes, BaselineNoteBytes, pairs);
    }

    /// <summary>
    /// One note's first sync and registration, on emptied storage and against a fresh SIF stand-in, so every
    /// run archives and registers the note anew rather than finding it done.
    /// </summary>
    private async Task<NotePhase> RegisterAsync(
        GraphStandInProcess graph, AzuriteServer azurite, string siteId, string library, long noteBytes,
        IReadOnlyDictionary<string, string> warmUp, string label, CancellationToken ct)
    {
        await ScratchStorage.EmptyAsync(azurite.ConnectionString, ct);
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using var sif = await SifStandInProcess.StartAsync(apiKey, [NetworkCaseNumber], ct: ct);
        var settings = Settings(azurite, graph, siteId, library);
        settings["CaseSystem__BaseUrl"] = sif.BaseUrl.ToString();
        settings["CaseSystem__ApiKey"] = sif.ApiKey;
        settings["CaseSystem__NetworkCaseNumber"] = NetworkCaseNumber;
        if (noteBytes > DefaultMaxFileBytes)
        {
            settings["MeetingNotes__MaxFileBytes"] = noteBytes.ToString(CultureInfo.InvariantCulture);
        }

        return await MeasureAsync(graph, NotePhases.Register, settings.Concat(warmUp).ToDictionary(), label, ct);
    }

    private Dictionary<string, string> Settings(AzuriteServer azurite, GraphStandInProcess graph, string siteId, string library) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["SharePoint__GraphBaseUrl"] = graph.BaseUrl.ToString(),
        ["SharePoint__Auth"] = "None",
        ["SharePoint__SiteId"] = siteId,
        ["SharePoint__Libraries__MeetingNotes"] = library,
        ["SharePoint__PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        // The bench measures this code and the store; pacing to SharePoint's budget is measured apart.
        ["SharePoint__ResourceUnitsPerMinute"] = "0",
    };

    private async Task<NotePhase> MeasureAsync(
        GraphStandInProcess graph, string phase, IReadOnlyDictionary<string, string> environment, string label, CancellationToken ct)
    {
        await graph.Control.ClearRequestsAsync(ct);
        var result = await PhaseProcess.RunAsync(phase, environment, ct);
        var measured = new NotePhase(result, await graph.Control.GetRequestCountsAsync(ct), await graph.Control.GetDownloadsAsync(ct));
        var registration = phase == NotePhases.Register
            ? $", registration {result.RegistrationSeconds:F2} s for {result.Registrations} message(s)" + (result.RegistrationFailures > 0 ? $", {result.RegistrationFailures} failed: {result.RegistrationError}" : "")
            : "";
        progress($"Meeting notes: {label}: {result.Seconds:F2} s, read {result.Read:N0}, {measured.Downloads.Downloads:N0} downloads ({Size(measured.Downloads.Bytes)}), " +
                 $"{measured.Requests.Total:N0} Graph requests, {result.TableWrites:N0} table writes, {result.BlobsWritten:N0} blobs, peak {Size(result.PeakWorkingSetBytes)}{registration}.");
        return measured;
    }

    /// <summary>Bytes in binary units as the report writes them: 20 KiB, 50 MiB, 2.8 MiB, 5.62 GiB.</summary>
    public static string Size(long bytes)
    {
        const long MiB = 1024 * 1024;
        var magnitude = Math.Abs(bytes);
        return magnitude switch
        {
            >= 1024 * MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * MiB):F2} GiB"),
            >= MiB when magnitude % MiB == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB"),
            >= MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiB:F1} MiB"),
            >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KiB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        };
    }
}
