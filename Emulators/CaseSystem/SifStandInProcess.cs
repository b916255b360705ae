using System.Globalization;
using Integration.Emulators.Graph;

namespace Integration.Emulators.CaseSystem;

/// <summary>
/// A <see cref="SifStandIn"/> in a child process (<c>dotnet Integration.Emulators.dll sif</c>), so that what it
/// holds (files arrive base64 in JSON, a third larger than the file) stays out of a measured process's memory.
/// The child stops by itself when this process's end closes its stdin; disposing kills it at once.
/// </summary>
public sealed class SifStandInProcess : IAsyncDisposable
{
    private readonly StandInProcess process;

    private SifStandInProcess(StandInProcess process, string apiKey)
    {
        this.process = process;
        ApiKey = apiKey;
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:54321/</c>: SIF's base URL has no path.</summary>
    public Uri BaseUrl => process.Url;

    /// <summary>The key calls must carry as <c>Authorization: authkey {key}</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The child's process id, e.g. to read its working set.</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts the child with <paramref name="cases"/> seeded (see <see cref="SifStandInCases.NetworkCaseTitle"/>) and waits until it listens.</summary>
    /// <param name="apiKey">The key the child accepts; a loopback stand-in's, not a secret.</param>
    /// <param name="cases">Case numbers to seed, e.g. the network's <c>AMN 2021-0112-1.4</c>.</param>
    /// <param name="port">0 picks a free port.</param>
    public static async Task<SifStandInProcess> StartAsync(string apiKey, IEnumerable<string>? cases = null, int port = 0, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var arguments = new List<string> { "sif", "--port", port.ToString(CultureInfo.InvariantCulture), "--api-key", apiKey };
        foreach (var number in cases ?? [])
        {
            arguments.Add("--case");
            arguments.Add(number);
        }

        return new SifStandInProcess(await StandInProcess.StartAsync("The SIF stand-in", arguments, ct), apiKey);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
