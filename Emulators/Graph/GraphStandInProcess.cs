using System.Diagnostics;
using System.Globalization;

namespace Integration.Emulators.Graph;

/// <summary>
/// A <see cref="GraphStandIn"/> in a child process (<c>dotnet Integration.Emulators.dll graph</c>), driven over
/// HTTP. A benchmark uses it so the stand-in's own items stay out of the measured process's memory. The child
/// stops by itself when this process's end closes its stdin; disposing kills its process tree at once.
/// </summary>
public sealed class GraphStandInProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "listening ";
    private const int StderrLinesKept = 40;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private int disposed;

    private GraphStandInProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Control = new GraphStandInControl(baseUrl);
        ProcessId = process.Id;
    }

    /// <summary>The stand-in's control API: seeding, mutations, request counts, latency.</summary>
    public GraphStandInControl Control { get; }

    /// <summary>Graph root, e.g. <c>http://127.0.0.1:54321/v1.0</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The child's process id, e.g. to read its working set.</summary>
    public int ProcessId { get; }

    /// <summary>
    /// Starts the child and waits for its <c>listening</c> line. <see cref="GraphStandInOptions.Clock"/> cannot
    /// cross a process boundary: the child uses the system clock.
    /// </summary>
    public static async Task<GraphStandInProcess> StartAsync(GraphStandInOptions? options = null, CancellationToken ct = default)
    {
        options ??= new GraphStandInOptions();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            typeof(GraphStandInProcess).Assembly.Location, "graph",
            "--port", Invariant(options.Port),
            "--latency-ms", Invariant((int)options.Latency.TotalMilliseconds),
            "--max-page-size", Invariant(options.MaxPageSize),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new Queue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The stand-in closed its stdout before it listened."));
            }
            else if (line.Data.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(line.Data[ListeningPrefix.Length..]);
            }
        };
        // Drained from the start so a chatty child never blocks on a full pipe; the tail explains a failed start.
        process.ErrorDataReceived += (_, line) =>
        {
            lock (stderr)
            {
                if (line.Data is not null && stderr.Count < StderrLinesKept)
                {
                    stderr.Enqueue(line.Data);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(StartTimeout, ct);
            return new GraphStandInProcess(process, new Uri(url));
        }
        catch (Exception exception)
        {
            await KillAsync(process);
            process.Dispose();
            if (exception is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            string details;
            lock (stderr)
            {
                details = string.Join(Environment.NewLine, stderr);
            }

            throw new InvalidOperationException(
                $"The Graph stand-in ({start.FileName} {string.Join(' ', start.ArgumentList)}) did not start: {exception.Message}"
                + (details.Length > 0 ? Environment.NewLine + details : ""),
                exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Control.Dispose();
        await KillAsync(process);
        process.Dispose();
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }

        await process.WaitForExitAsync();
    }

    // The dotnet host that runs this process (tests, `dotnet run`), else the one next to this runtime.
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name)
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, the host in <root>.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var beside = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", name));
        return File.Exists(beside) ? beside : name;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
