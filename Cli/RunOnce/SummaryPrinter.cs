using System.Text.Json;
using System.Text.Json.Serialization;
using Integration.Core.Sync;

namespace Integration.Cli.RunOnce;

/// <summary>Prints a run summary as a table, or as one JSON object on the last line.</summary>
internal static class SummaryPrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(RunSummary summary) => JsonSerializer.Serialize(new
    {
        runId = summary.RunId,
        succeeded = summary.Succeeded,
        sources = summary.Sources,
        overdueScan = summary.OverdueScan,
    }, Json);

    public static void WriteTable(RunSummary summary, TextWriter output)
    {
        output.WriteLine($"Run {summary.RunId}: {(summary.Succeeded ? "succeeded" : "FAILED")}");
        output.WriteLine($"{"source",-18} {"status",-10} {"read",6} {"created",8} {"updated",8} {"unchanged",10} {"deleted",8} {"quarantined",12} {"overdue",8} {"due soon",9} {"notified",9}");
        foreach (var s in summary.Sources)
        {
            if (s.Status is SyncRunStatus.Skipped or SyncRunStatus.NotBuilt)
            {
                output.WriteLine($"{s.Source,-18} {(s.Status == SyncRunStatus.Skipped ? "skipped" : "not built"),-10} ({s.Detail})");
                continue;
            }

            output.WriteLine($"{s.Source,-18} {s.Status.ToString().ToLowerInvariant(),-10} {s.Read,6} {s.Created,8} {s.Updated,8} {s.Unchanged,10} {s.Deleted,8} {s.Quarantined,12} {s.NewlyOverdue,8} {s.NewlyDueSoon,9} {s.Notifications,9}");
            if (s.Status == SyncRunStatus.Failed) output.WriteLine($"{"",18} error: {s.Detail}");
        }
    }
}
