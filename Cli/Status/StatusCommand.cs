using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Integration.Core.Hosting;
using Integration.Core.Operations;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Status;

/// <summary>
/// <c>status [--json] [--nights N]</c>: the last night (or N) per step, each source's checkpoint,
/// every queue and poison queue, what is open in quarantine, and the notifications sent. Exits 0
/// when all is well and 3 when something needs attention, so a scheduler or monitor can call it.
/// </summary>
internal static class StatusCommand
{
    public const int AllWell = 0;
    public const int NeedsAttention = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<int> RunAsync(IConfiguration configuration, int nights, bool json, TextWriter output, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration);
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<OperationsStatus>().ReadAsync(nights, ct);

        if (json) await output.WriteLineAsync(ToJson(report));
        else WriteTable(report, output);
        return report.NeedsAttention ? NeedsAttention : AllWell;
    }

    public static string ToJson(StatusReport report) => JsonSerializer.Serialize(new
    {
        checkedAt = report.CheckedAt,
        needsAttention = report.NeedsAttention,
        attention = report.Attention,
        nights = report.Nights.Select(n => new
        {
            runId = n.RunId,
            startedAt = n.StartedAt,
            completed = n.Completed,
            steps = n.Steps.Select(Step),
        }),
        sources = report.Sources.Select(s => new
        {
            source = s.Source,
            configured = s.Configured,
            checkpointSavedAt = s.CheckpointSavedAt,
            lastSyncedAt = s.LastSyncedAt,
            checkpointAgeHours = s.CheckpointAge is { } age ? Math.Round(age.TotalHours, 1) : (double?)null,
            nextRunIsFull = s.NextRunIsFull,
            why = s.Why,
        }),
        queues = report.Queues,
        quarantine = report.Quarantine,
        problems = report.Problems,
        notifications = report.Notifications is { } notifications ? Step(notifications) : null,
    }, Json);

    private static object Step(StepStatus s) => new
    {
        step = s.Step,
        status = s.Status,
        startedAt = s.StartedAt,
        durationSeconds = s.Duration is { } d ? Math.Round(d.TotalSeconds, 1) : (double?)null,
        attempts = s.Attempts,
        counts = s.Counts,
        ids = s.Ids.Count > 0 ? s.Ids : null,
        error = s.Status == SyncRunStatus.Failed ? s.Detail : null,
        detail = s.Status == SyncRunStatus.Failed ? null : s.Detail,
    };

    private static void WriteProblems(IReadOnlyList<ProblemStatus> problems, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(problems.Count == 0
            ? "No data problems open on the items."
            : "Data problems open on the items (the network fixes them in SharePoint; the column DataProblem says what):");
        foreach (var p in problems) output.WriteLine($"  {p.Source,-18} errors {p.Errors}, warnings {p.Warnings}");
    }

    public static void WriteTable(StatusReport report, TextWriter output)
    {
        output.WriteLine(report.NeedsAttention ? $"NEEDS ATTENTION ({report.Attention.Count}):" : "All well.");
        foreach (var line in report.Attention) output.WriteLine($"  - {line}");

        foreach (var night in report.Nights)
        {
            output.WriteLine();
            output.WriteLine($"Night {night.RunId}, started {night.StartedAt:yyyy-MM-dd HH:mm}Z: {(night.Completed ? "completed" : "NOT completed")}");
            output.WriteLine($"  {"step",-18} {"outcome",-10} {"started",-6} {"took",7}  counts");
            foreach (var step in night.Steps)
            {
                if (step.Status is SyncRunStatus.Skipped or SyncRunStatus.NotBuilt)
                {
                    output.WriteLine($"  {step.Step,-18} {Outcome(step.Status),-10} ({step.Detail})");
                    continue;
                }

                var started = step.StartedAt is { } at ? at.ToString("HH:mm", CultureInfo.InvariantCulture) : "";
                var took = step.Duration is { } d ? $"{d.TotalSeconds:0.0}s" : "";
                var counts = string.Join(", ", step.Counts.Where(c => c.Value != 0 || IsMain(c.Key)).OrderBy(c => MainOrder(c.Key)).Select(c => $"{c.Key} {c.Value}"));
                output.WriteLine($"  {step.Step,-18} {Outcome(step.Status),-10} {started,-6} {took,7}  {counts}");
                if (step.Detail is { Length: > 0 } detail) output.WriteLine($"  {"",-18} {(step.Status == SyncRunStatus.Failed ? "error: " : "")}{detail}");
                foreach (var (name, ids) in step.Ids.Where(i => i.Value.Count > 0)) output.WriteLine($"  {"",-18} {name}: {string.Join(", ", ids)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"  {"source",-18} {"checkpoint",-17} {"last synced",-17} {"next run",-12}");
        foreach (var s in report.Sources)
        {
            if (!s.Configured && s.CheckpointSavedAt is null)
            {
                output.WriteLine($"  {s.Source,-18} (not configured)");
                continue;
            }

            output.WriteLine($"  {s.Source,-18} {When(s.CheckpointSavedAt),-17} {When(s.LastSyncedAt),-17} {(s.NextRunIsFull ? "FULL" : "incremental"),-12}{(s.Why is null ? "" : " " + s.Why)}");
        }

        output.WriteLine();
        output.WriteLine($"  {"queue",-18} {"waiting",8} {"poison",8}");
        foreach (var q in report.Queues) output.WriteLine($"  {q.Queue,-18} {q.Messages,8} {q.Poison,8}");

        output.WriteLine();
        output.WriteLine(report.Quarantine.Count == 0 ? "Nothing is in quarantine." : "Open in quarantine (newest first; 'quarantine list' shows all):");
        foreach (var q in report.Quarantine)
        {
            output.WriteLine($"  {q.Source}: {q.Open} open");
            foreach (var e in q.Newest) output.WriteLine($"    {e.Label} (first {When(e.FirstSeen)}, last {When(e.LastSeen)}): {e.Reason}");
        }

        WriteProblems(report.Problems, output);

        output.WriteLine();
        output.WriteLine(report.Notifications is { } n
            ? $"Notifications: {Outcome(n.Status)}{(n.Counts.Count > 0 ? ", " + string.Join(", ", n.Counts.Select(c => $"{c.Key} {c.Value}")) : "")}{(n.Detail is null ? "" : $" ({n.Detail})")}"
            : "Notifications: no notifications step in the last night.");
    }

    private static readonly string[] Main = ["read", "created", "updated", "unchanged", "deleted", "quarantined"];

    private static bool IsMain(string count) => count is "read" or "created" or "updated" or "quarantined";

    // The six counts every source has first, in the run summary's order; a step's own after them.
    private static int MainOrder(string count) => Array.IndexOf(Main, count) is var i and >= 0 ? i : Main.Length;

    private static string When(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "-";

    private static string Outcome(SyncRunStatus status) => status switch
    {
        SyncRunStatus.NotBuilt => "not built",
        SyncRunStatus.Failed => "FAILED",
        _ => status.ToString().ToLowerInvariant(),
    };
}
