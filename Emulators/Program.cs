using System.Globalization;
using System.Runtime.InteropServices;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;

// A stand-in as a process of its own, so that a benchmark's memory figures are the measured process's alone:
//   dotnet Integration.Emulators.dll graph [--port 0] [--latency-ms 0] [--max-page-size 200] [--unit-budget N] [--unit-window-ms 60000] [--ignore-stdin]
//   dotnet Integration.Emulators.dll sif --api-key KEY [--port 0] [--case "AMN 2021-0112-1.4"]… [--ignore-stdin]
// Stdout carries exactly one line, "listening <root URL>". The process stops when stdin closes (its
// parent is gone, even if it was killed) or on SIGTERM/SIGINT. A shell that starts it in the background
// gives it an empty stdin; --ignore-stdin keeps it running then. --unit-budget enforces SharePoint's resource-unit
// budget (N units per window; 0 or absent: off).
const string Usage =
    "usage: dotnet Integration.Emulators.dll graph [--port 0] [--latency-ms 0] [--max-page-size 200] [--unit-budget 0] [--unit-window-ms 60000] [--ignore-stdin]\n" +
    "       dotnet Integration.Emulators.dll sif --api-key KEY [--port 0] [--case NUMBER]... [--ignore-stdin]";

Func<Task<(IAsyncDisposable StandIn, Uri Url)>>? start = null;
var watchStdin = true;
if (args is ["graph", .. var graphArgs] && TryParseGraph(graphArgs, out var graphOptions, out watchStdin))
{
    start = async () =>
    {
        var graph = await GraphStandIn.StartAsync(graphOptions);
        return (graph, graph.BaseUrl);
    };
}
else if (args is ["sif", .. var sifArgs] && TryParseSif(sifArgs, out var sifOptions, out var apiKey, out var cases, out watchStdin))
{
    start = async () =>
    {
        var sif = await SifStandIn.StartAsync(apiKey, sifOptions);
        SifStandInCases.Seed(sif, cases);
        return (sif, sif.BaseUrl);
    };
}

if (start is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// Not disposed: a signal or the stdin watcher may still cancel it while the process ends.
var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

var (standIn, url) = await start();
await using (standIn)
{
    Console.Out.WriteLine($"listening {url}");
    Console.Out.Flush();

    if (watchStdin)
    {
        _ = Task.Run(async () =>
        {
            await Console.OpenStandardInput().CopyToAsync(Stream.Null);
            await stop.CancelAsync();
        });
    }

    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Asked to stop: the stand-in stops as it is disposed.
    }
}

return 0;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

static bool TryParseGraph(string[] args, out GraphStandInOptions options, out bool watchStdin)
{
    var values = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["--port"] = 0, ["--latency-ms"] = 0, ["--max-page-size"] = 200, ["--unit-budget"] = 0, ["--unit-window-ms"] = 60_000,
    };
    options = new GraphStandInOptions();
    if (!TryParseOptions(args, values, strings: [], out watchStdin) || values["--max-page-size"] == 0 || values["--port"] > 65535
        || values["--unit-window-ms"] == 0)
    {
        return false;
    }

    options = new GraphStandInOptions
    {
        Port = values["--port"],
        Latency = TimeSpan.FromMilliseconds(values["--latency-ms"]),
        MaxPageSize = values["--max-page-size"],
        ResourceUnitBudget = values["--unit-budget"] > 0 ? values["--unit-budget"] : null,
        ResourceUnitWindow = TimeSpan.FromMilliseconds(values["--unit-window-ms"]),
    };
    return true;
}

static bool TryParseSif(string[] args, out SifStandInOptions options, out string apiKey, out List<string> cases, out bool watchStdin)
{
    var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--port"] = 0 };
    var strings = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["--api-key"] = [], ["--case"] = [] };
    options = new SifStandInOptions();
    apiKey = "";
    cases = strings["--case"];
    if (!TryParseOptions(args, values, strings, out watchStdin) || values["--port"] > 65535
        || strings["--api-key"] is not [{ Length: > 0 } key] || cases.Exists(string.IsNullOrWhiteSpace))
    {
        return false;
    }

    options = new SifStandInOptions { Port = values["--port"] };
    apiKey = key;
    return true;
}

// `--name value` pairs: whole numbers for the names in `numbers`, text (repeatable) for those in `strings`.
static bool TryParseOptions(string[] args, Dictionary<string, int> numbers, Dictionary<string, List<string>> strings, out bool watchStdin)
{
    watchStdin = true;
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--ignore-stdin")
        {
            watchStdin = false;
        }
        else if (numbers.ContainsKey(args[i]) && i + 1 < args.Length
            && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            numbers[args[i++]] = value;
        }
        else if (strings.TryGetValue(args[i], out var texts) && i + 1 < args.Length)
        {
            texts.Add(args[++i]);
        }
        else
        {
            return false;
        }
    }

    return true;
}
