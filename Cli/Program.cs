using System.CommandLine;
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

var root = new RootCommand("Action-plan integration backend: operations commands.") { runOnce, demo };
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
}
