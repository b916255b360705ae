using System.Diagnostics;

namespace Integration.Emulators.Graph;

/// <summary>
/// A stand-in in a child process (<c>dotnet Integration.Emulators.dll {mode} …</c>), as every stand-in that runs
/// apart is started: it prints one line, <c>listening {url}</c>, and stops by itself when this process's end
/// closes its stdin; disposing kills its process tree at once. Used by <see cref="GraphStandInProcess"/> and the
/// SIF stand-in's process.
/// </summary>
internal sealed class StandInProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "listening ";
    private const int StderrLinesKept = 40;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private int disposed;

    private StandInProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
        Id = process.Id;
    }

    /// <summary>What the child printed after <c>listening</c>.</summary>
    public Uri Url { get; }

    /// <summary>The child's process id.</summary>
    public int Id { get; }

    /// <param name="description">What is started, for the error when it does not listen, e.g. "The Graph stand-in".</param>
    /// <param name="arguments">The mode and its options, after the assembly path.</param>
    public static async Task<StandInProcess> StartAsync(string description, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(StandInProcess).Assembly.Location);
        foreach (var argument in arguments)
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
            return new StandInProcess(process, new Uri(url));
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
                $"{description} ({start.FileName} {string.Join(' ', start.ArgumentList)}) did not start: {exception.Message}"
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
}
