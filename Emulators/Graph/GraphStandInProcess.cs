using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph.Http;

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
    private readonly HttpClient control;
    private int disposed;

    private GraphStandInProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        // Seeding a large list takes seconds, not the default HttpClient timeout's 100.
        control = new HttpClient { BaseAddress = new Uri(baseUrl.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromMinutes(10) };
        ProcessId = process.Id;
    }

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

    /// <summary>Creates (or reuses) the network's site and <c>Handlingsplan</c> list and adds <paramref name="count"/> plan items.</summary>
    public Task<SeedResult> SeedPlanItemsAsync(int count, int seed, DateOnly today, int owners, CancellationToken ct = default) =>
        SeedAsync("plan-items", new SeedRequest(count, seed, today, owners), ct);

    /// <summary>Edits, deletes and adds plan items: round(<paramref name="fraction"/> × items) in all.</summary>
    public Task<MutationResult> MutatePlanItemsAsync(double fraction, int seed, DateOnly today, CancellationToken ct = default) =>
        MutateAsync("plan-items", new MutationRequest(fraction, seed, today), ct);

    /// <summary>Seeds any source the stand-in has a generator for (<see cref="IBenchGenerator.Source"/>).</summary>
    public Task<SeedResult> SeedAsync(string source, SeedRequest request, CancellationToken ct = default) =>
        PostAsync<SeedResult>($"/_standin/{Uri.EscapeDataString(source)}/seed", request, ct);

    public Task<MutationResult> MutateAsync(string source, MutationRequest request, CancellationToken ct = default) =>
        PostAsync<MutationResult>($"/_standin/{Uri.EscapeDataString(source)}/mutate", request, ct);

    /// <summary>Graph requests since the stand-in started or was last cleared, by kind.</summary>
    public async Task<RequestCounts> GetRequestCountsAsync(CancellationToken ct = default)
    {
        using var response = await control.GetAsync(new Uri("/_standin/requests", UriKind.Relative), ct);
        return (await ReadAsync<RequestCountsJson>(response, ct)).ToCounts();
    }

    public async Task ClearRequestsAsync(CancellationToken ct = default)
    {
        using var response = await control.PostAsync(new Uri("/_standin/requests/clear", UriKind.Relative), content: null, ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>Delay before every Graph response from now on.</summary>
    public async Task SetLatencyAsync(TimeSpan latency, CancellationToken ct = default)
    {
        using var response = await control.PostAsJsonAsync(
            new Uri("/_standin/latency", UriKind.Relative), new { ms = (int)latency.TotalMilliseconds }, ControlEndpoints.Json, ct);
        await EnsureSuccessAsync(response, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        control.Dispose();
        await KillAsync(process);
        process.Dispose();
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await control.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, ControlEndpoints.Json, ct);
        return await ReadAsync<T>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(ControlEndpoints.Json, ct)
            ?? throw new InvalidOperationException($"The stand-in answered {response.RequestMessage?.RequestUri} with an empty body.");
    }

    // The control API explains a refusal in its body ({"error": "..."}); keep that in the exception.
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException(
                $"The stand-in answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri}: {body}", null, response.StatusCode);
        }
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
