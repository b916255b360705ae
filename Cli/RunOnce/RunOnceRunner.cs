using Integration.Cli.Hosting;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integration.Cli.RunOnce;

/// <summary>
/// One nightly cycle, start to end, in the order of the night: queue every source as the
/// NightlySync timer does and let the WebJobs queue listener work the queue until each source is
/// done or poisoned; then each step the modules registered, in their order (case registration, the
/// overdue scan, the indicators, the notifications), each as its timer does, with the queues its
/// work goes through drained before it and, when it queued work, after it.
/// </summary>
/// <param name="compose">The composition root; <c>AddIntegration</c> unless a test leaves a feature out.</param>
internal sealed class RunOnceRunner(IConfiguration configuration, bool verbose, Action<string> progress, Action<IServiceCollection, IConfiguration>? compose = null)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public async Task<RunSummary> RunAsync(CancellationToken ct)
    {
        using var host = CliHost.Build(configuration, verbose, compose);
        var services = host.Services;
        var storage = services.GetRequiredService<IntegrationStorage>();

        await QueueDrain.CheckStorageAsync(storage, ct);
        await host.StartAsync(ct);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        var run = await services.GetRequiredService<NightlyCycle>().StartAsync(ct);
        progress($"Run {run.RunId}: {run.QueuedSources.Count} source(s) queued ({string.Join(", ", run.QueuedSources)}).");

        var steps = services.GetRequiredService<NightSteps>().All;
        var done = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await WaitForSourcesAsync(services, run, deadline.Token);
            foreach (var step in steps)
            {
                await RunStepAsync(services, storage, step, run.RunId, deadline.Token);
                done.Add(step.Name);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            progress($"Gave up waiting after {Timeout.TotalMinutes:0.#} minute(s) (--timeout-minutes); the summary shows what finished.");
        }

        await host.StopAsync(CancellationToken.None);
        ReportPacing(services.GetRequiredService<Core.SharePoint.Pacing.ResourceUnitBudget>());
        return await SummarizeAsync(services, run.RunId, steps, done, ct);
    }

    /// <summary>What the night cost SharePoint in resource units, and what keeping to the budget cost the night.</summary>
    private void ReportPacing(Core.SharePoint.Pacing.ResourceUnitBudget budget)
    {
        if (budget.UnitsSpent == 0) return;
        progress(budget.IsPacing
            ? $"SharePoint: {budget.UnitsSpent:N0} resource units spent, paced to {budget.Describe()}; calls waited {budget.Waited.TotalSeconds:F1} s in all for the budget; {budget.Throttled} answer(s) throttled."
            : $"SharePoint: {budget.UnitsSpent:N0} resource units spent, not paced (SharePoint__ResourceUnitsPerMinute=0); {budget.Throttled} answer(s) throttled.");
    }

    /// <summary>One step as its timer would run it, with the queues its work goes through worked before and, when it queued work, after.</summary>
    private async Task RunStepAsync(IServiceProvider services, IntegrationStorage storage, INightStep step, string runId, CancellationToken ct)
    {
        var consumed = services.GetRequiredService<QueueMessageDispatcher>().ConsumedQueues;
        var queues = step.Queues.Where(consumed.Contains).ToList();
        foreach (var queue in queues) await DrainAsync(storage, queue, ct);

        progress($"{char.ToUpperInvariant(step.Label[0])}{step.Label[1..]}…");
        var record = await step.RunAsync(runId, ct);
        if (record is null) return;
        progress($"{char.ToUpperInvariant(step.Label[0])}{step.Label[1..]}: {record.Status.ToString().ToLowerInvariant()}" +
            (record.Counts.Count > 0 ? $" ({string.Join(", ", record.Counts.Select(c => $"{c.Key} {c.Value}"))})" : "") + ".");
        if (record.Status == SyncRunStatus.Queued)
        {
            foreach (var queue in queues) await DrainAsync(storage, queue, ct);
        }
    }

    private static async Task<RunSummary> SummarizeAsync(IServiceProvider services, string runId, IReadOnlyList<INightStep> steps, HashSet<string> done, CancellationToken ct)
    {
        var records = await services.GetRequiredService<SyncRunStore>().ListAsync(runId, ct);
        var sources = services.GetRequiredService<SyncSources>().Names
            .Select(name => records.FirstOrDefault(r => r.Step == name))
            .OfType<SyncRunRecord>()
            .ToList();
        var stillRunning = sources
            .Where(r => r.Status is SyncRunStatus.Queued || (r.Status is SyncRunStatus.Failed && r.Attempts < CliHost.MaxDequeueCount))
            .Select(r => r.Step).ToList();

        var summaries = new List<NightStepSummary>();
        foreach (var step in steps)
        {
            var record = records.FirstOrDefault(r => r.Step == step.Name);
            if (!done.Contains(step.Name) && record is not { IsFinished: true }) stillRunning.Add(step.Name);
            var summary = await step.SummarizeAsync(runId, ct) is { } result ? StepSummary.From(result)
                : record is not null ? StepSummary.From(record)
                : StepSummary.NotReached;
            var figures = await step.FiguresAsync(new StepResult(summary.Status, summary.Detail, summary.Counts), ct);
            summaries.Add(new NightStepSummary(step.Name, step.SummaryKey, step.Label, summary, figures));
        }

        return new RunSummary(runId, sources.Select(SourceSummary.From).ToList(), summaries, stillRunning);
    }

    private async Task WaitForSourcesAsync(IServiceProvider services, NightlyRun run, CancellationToken ct)
    {
        var runs = services.GetRequiredService<SyncRunStore>();
        var queue = await services.GetRequiredService<IntegrationStorage>().QueueAsync(QueueNames.SyncSource, ct);
        var reported = new Dictionary<string, (SyncRunStatus, int)>();
        while (true)
        {
            var records = (await runs.ListAsync(run.RunId, ct)).Where(r => run.QueuedSources.Contains(r.Step)).ToList();
            foreach (var record in records.Where(r => r.Status != SyncRunStatus.Queued))
            {
                if (reported.TryGetValue(record.Step, out var seen) && seen == (record.Status, record.Attempts)) continue;
                reported[record.Step] = (record.Status, record.Attempts);
                progress(record.Status == SyncRunStatus.Failed
                    ? $"{record.Step}: attempt {record.Attempts} of {CliHost.MaxDequeueCount} failed: {record.Detail}"
                    : $"{record.Step}: {record.Status.ToString().ToLowerInvariant()} (read {record.Count("read")}).");
            }

            if (records.All(r => r.IsFinished)) return;

            // A failure is final once the listener has used up its tries; the message is on its
            // way to the poison queue, and the queue is empty once it got there.
            var final = records.All(r => r.IsFinished || (r.Status == SyncRunStatus.Failed && r.Attempts >= CliHost.MaxDequeueCount));
            if (final && (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount == 0) return;

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private async Task DrainAsync(IntegrationStorage storage, string name, CancellationToken ct)
    {
        progress($"Working the {name} queue…");
        await QueueDrain.WaitUntilEmptyAsync(storage, name, ct);
    }
}
