using System.CommandLine;
using Integration.Cli.Bench;
using Integration.Cli.Demo;
using Integration.Cli.Hosting;
using Integration.Cli.RunOnce;
using Integration.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on the last line of stdout." };
var verbose = new Option<bool>("--verbose") { Description = "Log at Information level (to stderr)." };
var timeout = new Option<int>("--timeout-minutes") { Description = "Give up waiting for the queues after this long.", DefaultValueFactory = _ => 30 };

var runOnce = new Command("run-once", "Run one nightly cycle against the configured systems, drain the queues and print a summary per source.") { json, verbose, timeout };
runOnce.SetAction((parse, ct) => Guard(async () =>
{
    var configuration = LocalConfiguration();
    var runner = new RunOnceRunner(configuration, parse.GetValue(verbose), Progress)
    {
        Timeout = TimeSpan.FromMinutes(parse.GetValue(timeout)),
    };
    var summary = await runner.RunAsync(ct);
    if (parse.GetValue(json)) Console.Out.WriteLine(SummaryPrinter.ToJson(summary));
    else SummaryPrinter.WriteTable(summary, Console.Out);
    return summary.Succeeded ? 0 : 1;
}));

var queueName = new Argument<string>("queue") { Description = "The queue whose poison twin to replay: " + string.Join(", ", Integration.Core.Queues.QueueNames.All) };
var moveOnly = new Option<bool>("--move-only") { Description = "Only move the messages back, for the deployed app to work (against production, with queue access only)." };
var replay = new Command("replay", "Move every message of <queue>-poison back to <queue>, work them, and say how many succeeded and failed again.") { queueName, json, verbose, timeout, moveOnly };
replay.SetAction((parse, ct) => Guard(async () =>
{
    var queue = parse.GetValue(queueName)!;
    if (!Integration.Core.Queues.QueueNames.All.Contains(queue))
    {
        Console.Error.WriteLine($"Unknown queue '{queue}'; expected one of {string.Join(", ", Integration.Core.Queues.QueueNames.All)}.");
        return 2;
    }

    var configuration = LocalConfiguration();
    Integration.Cli.Replay.ReplaySummary summary;
    try
    {
        summary = await new Integration.Cli.Replay.ReplayRunner(configuration, parse.GetValue(verbose), Progress)
        {
            Timeout = TimeSpan.FromMinutes(parse.GetValue(timeout)),
            MoveOnly = parse.GetValue(moveOnly),
        }.RunAsync(queue, ct);
    }
    catch (Integration.Cli.Replay.ReplayException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }

    Console.Out.WriteLine(parse.GetValue(json)
        ? System.Text.Json.JsonSerializer.Serialize(summary, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
        : summary.MovedOnly ? $"{summary.Queue}: moved {summary.Replayed} message(s) back; the deployed app's queue trigger works them. Run status later to see how they went."
        : $"{summary.Queue}: replayed {summary.Replayed}, succeeded {summary.Succeeded}, failed again {summary.Failed}" + (summary.StillRunning ? " (still running when the replay gave up waiting)" : "") + ".");
    return summary.Failed == 0 && !summary.StillRunning ? 0 : 1;
}));

// The sources the modules register; storage is named only so the registrations can be read, nothing connects.
var registered = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
var sourceName = new Argument<string>("source") { Description = "The source to read in full next night: " + string.Join(", ", Integration.Core.Sync.SyncSources.From(new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddIntegration(registered)).Names) };
var yes = new Option<bool>("--yes") { Description = "Reset without asking." };
var reset = new Command("reset", "Delete a source's checkpoint and digest so the next night reads it in full; data rows, archived notes and registrations stay.") { sourceName, yes };
reset.SetAction((parse, ct) => Guard(() =>
    Integration.Cli.Reset.ResetCommand.RunAsync(LocalConfiguration(), parse.GetValue(sourceName)!, parse.GetValue(yes), Console.In, Console.Out, Console.Error, ct)));

var quarantineSource = new Option<string?>("--source") { Description = "Only this source." };
var quarantineList = new Command("list", "List what is in quarantine now: item id, reason (quoted values left out), first and last seen.") { quarantineSource, json };
quarantineList.SetAction((parse, ct) => Guard(() =>
    Integration.Cli.Quarantine.QuarantineListCommand.RunAsync(LocalConfiguration(), parse.GetValue(quarantineSource), parse.GetValue(json), Console.Out, Console.Error, ct)));
var quarantine = new Command("quarantine", "Items that could not be taken in.") { quarantineList };

var nights = new Option<int>("--nights") { Description = "How many of the most recent nights to show.", DefaultValueFactory = _ => 1 };
nights.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--nights must be 1 or more."); });
var status = new Command("status", "What happened last night (or the last N), and is anything lost: steps, checkpoints, queues, quarantine. Exits 3 when something needs attention.") { json, nights };
status.SetAction((parse, ct) => Guard(() =>
    Integration.Cli.Status.StatusCommand.RunAsync(LocalConfiguration(), parse.GetValue(nights), parse.GetValue(json), Console.Out, ct)));

var check = new Option<bool>("--check") { Description = "Change nothing; list every difference between the site and the configuration." };
var provision = new Command("provision", "Create the SharePoint lists, libraries and columns the configuration names and the site lacks; never deletes or changes a column. Exits 3 when differences are left.") { check, json };
provision.SetAction((parse, ct) => Guard(() =>
    Integration.Cli.Provision.ProvisionCommand.RunAsync(LocalConfiguration(), parse.GetValue(check), parse.GetValue(json), Console.Out, Console.Error, ct)));

var appId = new Option<string>("--app-id") { Description = "Client id of the identity that sends the notifications (azd: AZURE_IDENTITY_CLIENT_ID).", Required = true };
var packageOutput = new Option<string>("--output") { Description = "The .zip file to write.", Required = true };
var teamsApp = new Command("teams-app", "Write the Teams app package (manifest and icons) that personal notifications need installed for each person.") { appId, packageOutput };
teamsApp.SetAction(parse => Integration.Cli.TeamsApp.TeamsAppCommand.Run(parse.GetValue(appId), parse.GetValue(packageOutput), Console.Out, Console.Error));

var reportWeek = new Option<string?>("--week") { Description = "The ISO week, e.g. 2026-W49; by default the last whole week (on a Monday, the week just ended)." };
var reportOutput = new Option<string?>("--output") { Description = "The PDF's path; by default 'Lägesrapport <year>-v<week>.pdf' in the working folder." };
var report = new Command("report", "Build the weekly status report (lägesrapport) PDF from the stored data and write it locally.") { reportWeek, reportOutput, json };
report.SetAction((parse, ct) => Guard(() =>
    Integration.Cli.Report.ReportCommand.RunAsync(LocalConfiguration(), parse.GetValue(reportWeek), parse.GetValue(reportOutput), parse.GetValue(json), Console.Out, Console.Error, ct)));

var demo = new Command("demo", "Start Azurite and the SharePoint stand-in with demo data, run the nightly cycle twice and show the overdue items.") { verbose };
demo.SetAction((parse, ct) => Guard(() => DemoCommand.RunAsync(parse.GetValue(verbose), Console.Out, Progress, ct)));

var sizes = new Option<string>("--sizes") { Description = "Plan-item list sizes to measure, comma-separated; 0 or an empty list leaves the plan items out.", DefaultValueFactory = _ => "10000,100000" };
var notes = new Option<int>("--notes") { Description = "Meeting notes in the library the notes bench syncs; 0 leaves the meeting notes out.", DefaultValueFactory = _ => 2000 };
var noteMb = new Option<int>("--note-mb") { Description = "Size in MB of the one note streamed through download, hash, archive and registration; 0 leaves it out.", DefaultValueFactory = _ => 50 };
var pageSize = new Option<int>("--page-size") { Description = "Items per Graph page.", DefaultValueFactory = _ => 200 };
var output = new Option<string>("--output") { Description = "Folder for performance.md and its chart.", DefaultValueFactory = _ => "docs" };
var reportItems = new Option<int>("--report-items") { Description = "Plan items behind the status report the report bench builds; 0 leaves the report out.", DefaultValueFactory = _ => 10000 };
var reportIndicators = new Option<int>("--report-indicators") { Description = "Indicators with a daily series (and a goal each) in the report bench.", DefaultValueFactory = _ => 40 };
var reportDays = new Option<int>("--report-days") { Description = "Days of daily series in the report bench.", DefaultValueFactory = _ => 730 };
reportItems.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--report-items must be 0 or more."); });
reportIndicators.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--report-indicators must be 1 or more."); });
reportDays.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--report-days must be 1 or more."); });
notes.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--notes must be 0 or more."); });
noteMb.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--note-mb must be 0 or more."); });
var bench = new Command("bench", "Measure the nightly sync at city scale against Azurite and the stand-ins, and write docs/performance.md.") { sizes, notes, noteMb, pageSize, output, reportItems, reportIndicators, reportDays };
bench.SetAction(async (parse, ct) =>
{
    var list = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Where(s => s > 0).ToList();
    var (noteCount, noteSize, page) = (parse.GetValue(notes), parse.GetValue(noteMb), parse.GetValue(pageSize));
    var runs = list.Count > 0 ? await new BenchCommand(Progress) { PageSize = page }.RunAsync(list, ct) : [];
    var notesRun = noteCount > 0 ? await new NotesBench(Progress) { PageSize = page }.RunAsync(noteCount, noteSize, ct) : null;
    var (items, indicatorCount, days) = (parse.GetValue(reportItems), parse.GetValue(reportIndicators), parse.GetValue(reportDays));
    var reportRun = items > 0 ? await new ReportBench(Progress).RunAsync(items, indicatorCount, days, ct) : null;
    var command = $"dotnet run -c Release --project Cli -- bench --sizes {(list.Count > 0 ? string.Join(',', list) : "0")} --notes {noteCount} --note-mb {noteSize} --page-size {page} --report-items {items} --report-indicators {indicatorCount} --report-days {days}";
    Console.Out.Write(PerformanceReport.Write(runs, notesRun, parse.GetValue(output)!, command, reportRun));
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

var root = new RootCommand("Action-plan integration backend: operations commands.") { runOnce, status, replay, reset, quarantine, provision, teamsApp, report, demo, bench, benchPhase };
return await root.Parse(args).InvokeAsync();

static void Progress(string line) => Console.Error.WriteLine(line);

// local.settings.json in the working folder, then environment variables, as the Functions host reads them.
static IConfiguration LocalConfiguration() => new ConfigurationBuilder()
    .AddLocalSettings(Directory.GetCurrentDirectory())
    .AddEnvironmentVariables()
    .Build();

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
