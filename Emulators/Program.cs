using System.Globalization;
using System.Runtime.InteropServices;
using Integration.Emulators.Graph;

// A stand-in as a process of its own, so that a benchmark's memory figures are the sync's alone:
//   dotnet Integration.Emulators.dll graph [--port 0] [--latency-ms 0] [--max-page-size 200] [--ignore-stdin]
// Stdout carries exactly one line, "listening <Graph root>". The process stops when stdin closes (its
// parent is gone, even if it was killed) or on SIGTERM/SIGINT. A shell that starts it in the background
// gives it an empty stdin; --ignore-stdin keeps it running then.
const string Usage =
    "usage: dotnet Integration.Emulators.dll graph [--port 0] [--latency-ms 0] [--max-page-size 200] [--ignore-stdin]";

if (args is not ["graph", .. var rest] || !TryParse(rest, out var options, out var watchStdin))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// Not disposed: a signal or the stdin watcher may still cancel it while the process ends.
var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

await using var standIn = await GraphStandIn.StartAsync(options);
Console.Out.WriteLine($"listening {standIn.BaseUrl}");
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

return 0;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

static bool TryParse(string[] args, out GraphStandInOptions options, out bool watchStdin)
{
    var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--port"] = 0, ["--latency-ms"] = 0, ["--max-page-size"] = 200 };
    options = new GraphStandInOptions();
    watchStdin = true;
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--ignore-stdin")
        {
            watchStdin = false;
        }
        else if (values.ContainsKey(args[i]) && i + 1 < args.Length
            && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            values[args[i++]] = value;
        }
        else
        {
            return false;
        }
    }

    if (values["--max-page-size"] == 0 || values["--port"] > 65535)
    {
        return false;
    }

    options = new GraphStandInOptions
    {
        Port = values["--port"],
        Latency = TimeSpan.FromMilliseconds(values["--latency-ms"]),
        MaxPageSize = values["--max-page-size"],
    };
    return true;
}
