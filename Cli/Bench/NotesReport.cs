using System.Globalization;
using System.Text;
using static Integration.Cli.Bench.NotesBench;

namespace Integration.Cli.Bench;

/// <summary>The meeting-notes part of docs/performance.md, from one bench invocation's figures.</summary>
internal static class NotesReport
{
    /// <summary>How much more memory one large note may take than a small one: about the issue's 30 MB.</summary>
    public const long PeakGrowthBudgetBytes = 30L * 1024 * 1024;

    public static string Markdown(NotesBenchRun run, string command)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("## Meeting notes");
        Line();
        Line(PerformanceReport.Provenance(command));
        Line("Azurite (in memory), the Graph stand-in and the Public 360 SIF stand-in run in processes of their own on loopback, latency zero, so the figures measure this code and the store.");
        Line("The notes are PDFs the Graph stand-in generates as they are downloaded: a `%PDF-1.7` header and deterministic pseudo-random filler (which does not compress, like the images and compressed streams of real minutes), " +
             "their quickXorHash computed once by streaming when the library is seeded, so the stand-in holds no file in memory.");
        Line($"Each phase runs in a fresh process, which first syncs a {NotesWarmUp.Notes}-note library of its own ({Size(NotesWarmUp.MinBytes)} to {Size(NotesWarmUp.MaxBytes)}: a full sync, new versions of a fifth of the notes, a quiet night) against an Azurite and a stand-in of its own, " +
             "so JIT compilation and first connections are not in the timings; each peak working set includes that warm-up. Downloads and Graph requests are counted by the stand-in, Table writes by the phase's storage clients, blobs by listing the archive before and after.");
        Line();

        if (run.Library is { } library)
        {
            Library(md, library);
        }

        if (run.SingleNote is { } single)
        {
            SingleNote(md, single);
        }

        Targets(md, run);
        return md.ToString();
    }

    private static void Library(StringBuilder md, NoteLibraryRun r)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line($"### A library of {N(r.Notes)} notes");
        Line();
        Line($"{N(r.Notes)} notes, sizes log-uniform from {Size(r.MinBytes)} to {Size(r.MaxBytes)} (most notes are a few pages, a few are scans with attachments): {Size(r.Bytes)} in all, {Size(r.Bytes / r.Notes)} on average. " +
             $"Drive delta pages of {r.PageSize} items. No `CaseSystem__*` setting is given, so these phases download, hash, check, archive and index, and register nothing. " +
             $"A 1% night gives {N(r.OnePercentChanged)} notes a new content version (new bytes, quickXorHash and size); {r.OnePercentSecondsRuns.Count} such nights are run and the one with the median time is reported.");
        Line();
        Line("| phase | wall time | notes read | downloads | bytes downloaded | Graph requests | Table writes | blobs written | peak working set |");
        Line("|---|---|---|---|---|---|---|---|---|");
        void Row(string name, NotePhase p, string format = "F2") =>
            Line($"| {name} | {F(p.Result.Seconds, format)} s | {N(p.Result.Read)} | {N(p.Downloads.Downloads)} | {Size(p.Downloads.Bytes)} | {N(p.Requests.Total)} | {N(p.Result.TableWrites)} | {N(p.Result.BlobsWritten)} | {Peak(p)} |");
        Row("full first sync", r.FullSync);
        Row("quiet night", r.Quiet, "F3");
        Row($"1% night ({N(r.OnePercentChanged)} new versions)", r.OnePercent, "F3");
        Line();
        var full = r.FullSync;
        Line($"- **Full first sync**: {F(full.DownloadedMiBPerSecond, "F0")} MiB/s through download, SHA-256, the temporary file, the content check and the archive upload, {F(full.Result.Read / full.Result.Seconds, "F1")} notes a second. " +
             $"Its Graph requests are {Composition(full)}; of its {N(full.Result.TableWrites)} Table writes, {Count(full.Result.TableTransactions, "is a batch transaction", "are batch transactions")} and the rest single-entity writes. The archive in Azurite's memory then holds {Size(r.Bytes)}.");
        Line($"- **Quiet night**: {Count(r.Quiet.Requests.Total, "Graph request")} (the delta link), {Count(r.Quiet.Downloads.Downloads, "download")}, {Count(r.Quiet.Result.TableWrites, "Table write")}, {Count(r.Quiet.Result.BlobsWritten, "blob")}.");
        Line($"- **1% nights**: {string.Join(", ", r.OnePercentSecondsRuns.Select(s => $"{F(s, "F3")} s"))}; the reported one's Graph requests are {Composition(r.OnePercent)}, its Table writes {N(r.OnePercent.Result.TableWrites)} ({Count(r.OnePercent.Result.TableTransactions, "batch transaction")}).");
        Line($"- **Memory**: the full sync moved {Size(full.Downloads.Bytes)} in notes of up to {Size(r.MaxBytes)}, two at a time, with a peak working set of {Peak(full)}; the quiet night peaked at {Peak(r.Quiet)} and the 1% night at {Peak(r.OnePercent)}.");
        Line();
    }

    private static void SingleNote(StringBuilder md, SingleNoteRun r)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        var m = r.Median;
        var (small, large) = (m.Baseline.Result, m.Large.Result);
        Line($"### One {Size(r.NoteBytes)} note through download, hash, archive and registration");
        Line();
        Line($"A library holding one {Size(r.NoteBytes)} note is synced on empty storage with the case system configured (`CaseSystem__BaseUrl` at a SIF stand-in in its own process, seeded with the network's case `{NetworkCaseNumber}`), " +
             $"then every message the sync left on `case-registration` is handed to the queue dispatcher, as its trigger would, and deleted; sync and registration are timed apart. " +
             $"The baseline is the same phase with one {Size(r.BaselineBytes)} note. Each pair runs on emptied storage and a fresh SIF stand-in, {r.Pairs.Count} pairs in all; the pair with the median growth of the peak working set is reported.");
        Line();
        Line($"| | {Size(r.BaselineBytes)} note | {Size(r.NoteBytes)} note | difference |");
        Line("|---|---|---|---|");
        Line($"| sync: download, SHA-256, content check, archive, index | {F(small.Seconds)} s | {F(large.Seconds)} s | {F(large.Seconds - small.Seconds)} s |");
        Line($"| … in each pair | {string.Join(", ", r.Pairs.Select(p => $"{F(p.Baseline.Result.Seconds)} s"))} | {string.Join(", ", r.Pairs.Select(p => $"{F(p.Large.Result.Seconds)} s"))} | |");
        Line($"| registration in the case system: messages worked (failed) | {small.Registrations} ({small.RegistrationFailures}) | {large.Registrations} ({large.RegistrationFailures}) | |");
        Line($"| registration: wall time | {F(small.RegistrationSeconds, "F3")} s | {F(large.RegistrationSeconds, "F3")} s | {F(large.RegistrationSeconds - small.RegistrationSeconds, "F3")} s |");
        Line($"| downloads, bytes downloaded | {N(m.Baseline.Downloads.Downloads)}, {Size(m.Baseline.Downloads.Bytes)} | {N(m.Large.Downloads.Downloads)}, {Size(m.Large.Downloads.Bytes)} | |");
        Line($"| Graph requests, Table writes, blobs written | {N(m.Baseline.Requests.Total)}, {N(small.TableWrites)}, {N(small.BlobsWritten)} | {N(m.Large.Requests.Total)}, {N(large.TableWrites)}, {N(large.BlobsWritten)} | |");
        Line($"| **peak working set** | {Peak(m.Baseline)} | {Peak(m.Large)} | **{Size(m.PeakGrowthBytes)}** |");
        Line($"| … in each pair (the median is reported) | {string.Join(", ", r.Pairs.Select(p => Peak(p.Baseline)))} | {string.Join(", ", r.Pairs.Select(p => Peak(p.Large)))} | {string.Join(", ", r.Pairs.Select(p => Size(p.PeakGrowthBytes)))} |");
        Line();
        if (large.Registrations + large.RegistrationFailures == 0)
        {
            Line("- **Registration is not built yet.** The sync queues nothing on `case-registration` until the case-registration handler is in Core, so the phase found the queue empty and its registration time is that of one empty receive. " +
                 "The phase needs no change when it lands: the same run then measures the note's way into the case system and its memory.");
        }
        else if (large.RegistrationError is { } error)
        {
            Line($"- **Registration failed** for {large.RegistrationFailures} message(s): {error}");
        }

        Line(m.PeakGrowthBytes <= PeakGrowthBudgetBytes
            ? $"- **Streaming.** The note is downloaded through a small buffer into a temporary file while its SHA-256 is computed, checked from its first bytes and uploaded from the file; registration reads the archived blob in ranges and writes it as base64 in 48 KB chunks into a chunked request. So its {Size(r.NoteBytes)} never sit in the process's memory: the peak grows by {Size(m.PeakGrowthBytes)} over the small note's."
            : $"- **The peak grows by {Size(m.PeakGrowthBytes)}** with a {Size(r.NoteBytes)} note, more than the {Size(PeakGrowthBudgetBytes)} allowed: somewhere on its way the note, or a large part of it, is held in memory.");
        Line();
    }

    private static void Targets(StringBuilder md, NotesBenchRun run)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("### Targets");
        Line();
        Line("| measure | target | this run |");
        Line("|---|---|---|");
        void Target(string name, string target, string value, bool? met) =>
            Line($"| {name} | {target} | {value} {(met switch { true => "met", false => "**missed**", null => "(not built yet)" })} |");
        if (run.Library is { } r)
        {
            Target("full first sync: downloads and blobs written", $"one each per note ({N(r.Notes)})",
                $"{N(r.FullSync.Downloads.Downloads)} and {N(r.FullSync.Result.BlobsWritten)}",
                r.FullSync.Downloads.Downloads == r.Notes && r.FullSync.Result.BlobsWritten == r.Notes);
            var single = r.FullSync.Result.TableWrites - r.FullSync.Result.TableTransactions;
            var singleBound = r.Notes / 100;
            Target("full first sync: single-entity Table writes", $"none per note: each page's rows in batch transactions (≤ {N(singleBound)}, one per hundred notes)",
                $"{N(single)} ({N(r.FullSync.Result.TableTransactions)} batch transactions)", single <= singleBound);
            // Requests on the wire: a JSON batch of column reads is one.
            var besides = r.FullSync.Requests.Total - r.FullSync.Downloads.Downloads - r.FullSync.Requests.Other;
            Target("full first sync: Graph requests besides `/content` and the downloads", "≤ 120 (the columns read twenty files to a JSON batch)", N(besides), besides <= 120);
            Target("quiet night: Graph requests", "1", N(r.Quiet.Requests.Total), r.Quiet.Requests.Total == 1);
            Target("quiet night: downloads, Table writes, blobs written", "0, 0, 0",
                $"{N(r.Quiet.Downloads.Downloads)}, {N(r.Quiet.Result.TableWrites)}, {N(r.Quiet.Result.BlobsWritten)}",
                r.Quiet.Downloads.Downloads == 0 && r.Quiet.Result.TableWrites == 0 && r.Quiet.Result.BlobsWritten == 0);
            Target("1% night: downloads and blobs written", $"one each per new version ({N(r.OnePercentChanged)})",
                $"{N(r.OnePercent.Downloads.Downloads)} and {N(r.OnePercent.Result.BlobsWritten)}",
                r.OnePercent.Downloads.Downloads == r.OnePercentChanged && r.OnePercent.Result.BlobsWritten == r.OnePercentChanged);
            var bound = (int)Math.Ceiling(r.OnePercentChanged / (double)r.PageSize) + 2 + 3 * r.OnePercentChanged;
            Target("1% night: Graph requests", "≤ ceil(changed / page size) + 2 + 3 × changed (each note's columns, /content and its download)",
                $"{N(r.OnePercent.Requests.Total)} ≤ {N(bound)}", r.OnePercent.Requests.Total <= bound);
        }

        if (run.SingleNote is { } s)
        {
            var growth = s.Median.PeakGrowthBytes;
            Target($"peak working set, one {Size(s.NoteBytes)} note over one of {Size(s.BaselineBytes)}", $"≤ {Size(PeakGrowthBudgetBytes)}", Size(growth), growth <= PeakGrowthBudgetBytes);
            var large = s.Median.Large.Result;
            Target($"the {Size(s.NoteBytes)} note registered on the network's case", "1 message worked, none failed",
                $"{large.Registrations} worked, {large.RegistrationFailures} failed",
                large.RegistrationFailures > 0 ? false : large.Registrations > 0 ? true : null);
        }

        Line();
    }

    private static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Peak(NotePhase p) => $"{F(p.Result.PeakWorkingSetBytes / (1024.0 * 1024), "F0")} MiB";

    /// <summary>"1 blob", "2 blobs"; or, given both forms, "1 is …" and "2 are …".</summary>
    private static string Count(long value, string singular, string? plural = null) =>
        $"{value.ToString("N0", CultureInfo.InvariantCulture)} {(value == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>A phase's Graph requests by what they are for.</summary>
    private static string Composition(NotePhase p)
    {
        var c = p.Requests;
        string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (c.List > 0) parts.Add($"{N(c.List)} drive lookup");
        parts.Add(Count(c.Delta, "delta page"));
        if (c.Item - p.Downloads.Downloads > 0)
        {
            parts.Add(c.Batch > 0
                ? $"{N(c.Item - p.Downloads.Downloads)} column reads in {Count(c.Batch, "JSON batch", "JSON batches")}"
                : $"{N(c.Item - p.Downloads.Downloads)} column reads");
        }

        if (p.Downloads.Downloads > 0) parts.Add($"{N(p.Downloads.Downloads)} `/content` requests and {N(c.Other)} downloads from the URLs they redirect to");
        else if (c.Other > 0) parts.Add($"{N(c.Other)} other");
        return string.Join(", ", parts);
    }
}
