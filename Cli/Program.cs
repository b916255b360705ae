using System.CommandLine;
using Integration.Cli.Bench;
using Integration.Cli.Demo;
using Integration.Cli.Hosting;
using Integration.Cli.RunOnce;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on the last line of stdout." };
var verbose = new Option<bool>("--verbose") { Description = "Log at Information level (to stderr)." };
var timeout = new Option<int>("--timeout-minutes") { Description = "Give up waiting for the queues after this long.", DefaultValueFactory = _ => 30 };

var runOnce = new Command("run-once", "Run one nightly cycle against the configured systems, drain the queues and print a summary per source.") { json, verbose, timeout };
runOnce.SetAction((parse, ct) => Guard(async () =>
{
    var configuration = new ConfigurationBuilder()
        .AddLocalSettings(Directory.GetCurrentDirectory())
        .AddEnvironmentVariables()
        .Build();
    var runner = new RunOnceRunner(configuration, parse.GetValue(verbose), Progress)
    {
        Timeout = TimeSpan.FromMinutes(parse.GetValue(timeout)),
    };
    var summary = await runner.RunAsync(ct);
    if (parse.GetValue(json)) Console.Out.WriteLine(SummaryPrinter.ToJson(summary));
    else SummaryPrinter.WriteTable(summary, Console.Out);
    return summary.Succeeded ? 0 : 1;
}));

var demo = new Command("demo", "Start Azurite and the SharePoint stand-in with demo data, run the nightly cycle twice and show the overdue items.") { verbose };
demo.SetAction((parse, ct) => Guard(() => DemoCommand.RunAsync(parse.GetValue(verbose), Console.Out, Progress, ct)));

var sizes = new Option<string>("--sizes") { Description = "List sizes to measure, comma-separated.", DefaultValueFactory = _ => "10000,100000" };
var pageSize = new Option<int>("--page-size") { Description = "Items per Graph page.", DefaultValueFactory = _ => 200 };
var output = new Option<string>("--output") { Description = "Folder for performance.md and its chart.", DefaultValueFactory = _ => "docs" };
var bench = new Command("bench", "Measure the nightly sync at city scale against Azurite and the Graph stand-in, and write docs/performance.md.") { sizes, pageSize, output };
bench.SetAction(async (parse, ct) =>
{
    var list = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    var runs = await new BenchCommand(Progress) { PageSize = parse.GetValue(pageSize) }.RunAsync(list, ct);
    var command = $"dotnet run -c Release --project Cli -- bench --sizes {string.Join(',', list)} --page-size {parse.GetValue(pageSize)}";
    PerformanceReport.Write(runs, parse.GetValue(output)!, command);
    Console.Out.Write(PerformanceReport.Markdown(runs, command));
    return 0;
});

// One measured phase of the bench, in a process of its own; the bench starts it.
var phase = new Argument<string>("phase") { Description = string.Join(", ", BenchPhases.All) };
var benchPhase = new Command("bench-phase", "Run one measured phase of the bench (used by bench).") { phase };
benchPhase.Hidden = true;
benchPhase.SetAction(async (parse, ct) =>
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var result = await BenchPhases.RunAsync(parse.GetValue(phase)!, configuration, ct);
    Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, PhaseProcess.Json));
    return 0;
});

var root = new RootCommand("Action-plan integration backend: operations commands.") { runOnce, demo, bench, benchPhase };
return await root.Parse(args).InvokeAsync();

static void Progress(string line) => Console.Error.WriteLine(line);

// A bad configuration stops the command with the setting's name, not a stack trace.
static async Task<int> Guard(Func<Task<int>> action)
{
    try
    {
        return await action();
    }
    catch (OptionsValidationException ex)
    {
        foreach (var failure in ex.Failures) Console.Error.WriteLine("Configuration error: " + failure);
        return 2;
    }
    catch (Exception ex) when (Integration.Core.Configuration.ConfigurationErrors.TryDescribe(ex, out var message))
    {
        Console.Error.WriteLine("Configuration error: " + message);
        return 2;
    }
    catch (Integration.Core.Storage.StorageUnavailableException ex)
    {
        Console.Error.WriteLine("Storage error: " + ex.Message);
        return 1;
    }
}
