using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// <c>runId</c>, <c>succeeded</c>, <c>stillRunning</c> and <c>sources</c>, then each step under its
    /// own key (<c>overdueScan</c>, …) and the figures a step left under theirs (<c>indicators</c>).
    /// </summary>
    public static string ToJson(RunSummary summary)
    {
        var root = new JsonObject
        {
            ["runId"] = summary.RunId,
            ["succeeded"] = summary.Succeeded,
            ["stillRunning"] = JsonSerializer.SerializeToNode(summary.StillRunning, Json),
            ["sources"] = JsonSerializer.SerializeToNode(summary.Sources, Json),
        };
        foreach (var step in summary.Steps) root[step.Key] = Step(step.Summary);
        foreach (var step in summary.Steps.Where(s => s.Figures is not null)) root[step.Figures!.Key] = JsonSerializer.SerializeToNode(step.Figures.Values, Json);
        return root.ToJsonString(Json);
    }

    /// <summary>A step as one flat object: status, detail and its counts side by side.</summary>
    private static JsonObject Step(StepSummary step)
    {
        var node = new JsonObject
        {
            ["status"] = JsonNamingPolicy.CamelCase.ConvertName(step.Status.ToString()),
            ["detail"] = step.Detail,
        };
        foreach (var (name, value) in step.Counts) node[name] = value;
        return node;
    }

    public static void WriteTable(RunSummary summary, TextWriter output)
    {
        output.WriteLine($"Run {summary.RunId}: {(summary.Succeeded ? "succeeded" : "FAILED")}");
        output.WriteLine($"{"source",-18} {"status",-10} {"read",6} {"created",8} {"updated",8} {"unchanged",10} {"deleted",8} {"quarantined",12}");
        foreach (var s in summary.Sources)
        {
            if (s.Status is SyncRunStatus.Skipped or SyncRunStatus.NotBuilt)
            {
                output.WriteLine($"{s.Source,-18} {Status(s.Status),-10} ({s.Detail})");
                continue;
            }

            output.WriteLine($"{s.Source,-18} {Status(s.Status),-10} {s.Read,6} {s.Created,8} {s.Updated,8} {s.Unchanged,10} {s.Deleted,8} {s.Quarantined,12}");
            var counts = s.Extra.Where(e => e.Value is int).Select(e => $"{e.Key} {e.Value}").ToList();
            if (s.Warnings + s.ProblemsWritten + s.ProblemsCleared > 0)
            {
                counts.Insert(0, $"warnings {s.Warnings}, data problems written {s.ProblemsWritten}, cleared {s.ProblemsCleared}");
            }

            if (counts.Count > 0) output.WriteLine($"{"",18} {string.Join(", ", counts)}");
            foreach (var (name, value) in s.Extra)
            {
                if (value is IReadOnlyList<string> { Count: > 0 } ids) output.WriteLine($"{"",18} {name}: {string.Join(", ", ids)}");
            }

            if (s.Status == SyncRunStatus.Failed) output.WriteLine($"{"",18} error: {s.Detail}");
            else if (!string.IsNullOrEmpty(s.Detail)) output.WriteLine($"{"",18} {s.Detail}");
        }

        output.WriteLine();
        foreach (var step in summary.Steps) WriteStep(output, step.Label, step.Summary);
        foreach (var figures in summary.Steps.Select(s => s.Figures).Where(f => f is { Values.Count: > 0 }))
        {
            output.WriteLine();
            WriteIndicators(figures!.Values, output, indent: "");
        }

        if (summary.StillRunning.Count > 0) output.WriteLine($"still running when the run gave up waiting: {string.Join(", ", summary.StillRunning)}");
    }

    /// <summary>The indicators as a two-column table, the names padded to the longest (a board's name can be long).</summary>
    public static void WriteIndicators(IReadOnlyDictionary<string, double> values, TextWriter output, string indent)
    {
        var width = values.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        foreach (var (name, value) in values)
        {
            output.WriteLine($"{indent}{name.PadRight(width)} {value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture),14}");
        }
    }

    private static void WriteStep(TextWriter output, string name, StepSummary step)
    {
        var counts = step.Status is SyncRunStatus.Succeeded or SyncRunStatus.Failed
            ? " " + string.Join(", ", step.Counts.Select(c => $"{c.Key} {c.Value}"))
            : "";
        var detail = step.Detail is null ? "" : $" ({step.Detail})";
        output.WriteLine($"{name,-18} {Status(step.Status),-10}{counts}{detail}");
    }

    private static string Status(SyncRunStatus status) => status switch
    {
        SyncRunStatus.NotBuilt => "not built",
        _ => status.ToString().ToLowerInvariant(),
    };
}
