using System.Globalization;

namespace Integration.Emulators.Graph;

/// <summary>
/// A <see cref="GraphStandIn"/> in a child process (<c>dotnet Integration.Emulators.dll graph</c>), driven over
/// HTTP. A benchmark uses it so the stand-in's own items stay out of the measured process's memory. The child
/// stops by itself when this process's end closes its stdin; disposing kills its process tree at once.
/// </summary>
public sealed class GraphStandInProcess : IAsyncDisposable
{
    private readonly StandInProcess process;
    private int disposed;

    private GraphStandInProcess(StandInProcess process)
    {
        this.process = process;
        BaseUrl = process.Url;
        Control = new GraphStandInControl(BaseUrl);
    }

    /// <summary>The stand-in's control API: seeding, mutations, request counts, latency, the resource-unit budget.</summary>
    public GraphStandInControl Control { get; }

    /// <summary>Graph root, e.g. <c>http://127.0.0.1:54321/v1.0</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The child's process id, e.g. to read its working set.</summary>
    public int ProcessId => process.Id;

    /// <summary>
    /// Starts the child and waits for its <c>listening</c> line. <see cref="GraphStandInOptions.Clock"/> cannot
    /// cross a process boundary: the child uses the system clock.
    /// </summary>
    public static async Task<GraphStandInProcess> StartAsync(GraphStandInOptions? options = null, CancellationToken ct = default)
    {
        options ??= new GraphStandInOptions();
        List<string> arguments =
        [
            "graph",
            "--port", Invariant(options.Port),
            "--latency-ms", Invariant((int)options.Latency.TotalMilliseconds),
            "--max-page-size", Invariant(options.MaxPageSize),
        ];
        if (options.ResourceUnitBudget is { } budget)
        {
            arguments.AddRange(["--unit-budget", Invariant(budget), "--unit-window-ms", Invariant((int)options.ResourceUnitWindow.TotalMilliseconds)]);
        }

        var process = await StandInProcess.StartAsync("The Graph stand-in", arguments, ct);
        return new GraphStandInProcess(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Control.Dispose();
        await process.DisposeAsync();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
