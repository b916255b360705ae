using Integration.Cli.Hosting;
using Integration.Core.Indicators;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integration.Cli.RunOnce;

/// <summary>
/// One nightly cycle, start to end, in the order of the night: queue every source as the
/// NightlySync timer does and let the WebJobs queue listener work the queue until each source is
/// done or poisoned; then case registration; then the overdue scan as the OverdueScan timer does;
/// then the day's indicators; then notifications: the events are taken off their queue, then the night's digest is asked for
/// and sent. Each queue that has a consumer is drained before the next step.
/// </summary>
internal sealed class RunOnceRunner(IConfiguration configuration, bool verbose, Action<string> progress)
{
    /// <summary>The queues of the night, in its order; the scan runs between registration and notifications.</summary>
    private static readonly string[] BeforeScan = [QueueNames.CaseRegistration];
    private static readonly string[] AfterScan = [QueueNames.Notifications];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public async Task<RunSummary> RunAsync(CancellationToken ct)
    {
        using var host = CliHost.Build(configuration, verbose);
        var services = host.Services;
        var storage = services.GetRequiredService<IntegrationStorage>();

        await QueueDrain.CheckStorageAsync(storage, ct);
        await host.StartAsync(ct);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        var consumed = services.GetRequiredService<QueueMessageDispatcher>().ConsumedQueues;
        var run = await services.GetRequiredService<NightlyCycle>().StartAsync(ct);
        progress($"Run {run.RunId}: {run.QueuedSources.Count} source(s) queued ({string.Join(", ", run.QueuedSources)}).");

        var stillRunning = new List<string>();
        SyncRunRecord? scan = null;
        SyncRunRecord? indicators = null;
        var registrationDrained = !consumed.Contains(QueueNames.CaseRegistration);
        var notificationsDone = false;
        try
        {
            await WaitForSourcesAsync(services, run, deadline.Token);
            foreach (var queue in BeforeScan.Where(consumed.Contains)) await DrainAsync(storage, queue, deadline.Token);
            registrationDrained = true;

            progress("Overdue scan…");
            scan = await services.GetRequiredService<OverdueScanStep>().RunAsync(run.RunId, deadline.Token);
            progress($"Overdue scan: {scan.Status.ToString().ToLowerInvariant()}" +
                (scan.Counts.Count > 0 ? $" ({string.Join(", ", scan.Counts.Select(c => $"{c.Key} {c.Value}"))})" : "") + ".");

            progress("Indicators…");
            indicators = await services.GetRequiredService<IndicatorsStep>().RunAsync(run.RunId, deadline.Token);
            progress($"Indicators: {indicators.Status.ToString().ToLowerInvariant()}.");

            foreach (var queue in AfterScan.Where(consumed.Contains)) await DrainAsync(storage, queue, deadline.Token);

            // The night's events are in: ask for the one digest, as the NotificationDigest timer does, and let it be sent.
            var digest = await services.GetRequiredService<NotificationDigestStep>().RequestAsync(run.RunId, deadline.Token);
            if (digest.Status == SyncRunStatus.Queued) await DrainAsync(storage, QueueNames.Notifications, deadline.Token);
            notificationsDone = true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            progress($"Gave up waiting after {Timeout.TotalMinutes:0.#} minute(s) (--timeout-minutes); the summary shows what finished.");
        }

        await host.StopAsync(CancellationToken.None);

        var records = await services.GetRequiredService<SyncRunStore>().ListAsync(run.RunId, ct);
        var sources = SyncSources.Names
            .Select(name => records.FirstOrDefault(r => r.Step == name))
            .OfType<SyncRunRecord>()
            .ToList();
        stillRunning.AddRange(sources.Where(r => r.Status is SyncRunStatus.Queued || (r.Status is SyncRunStatus.Failed && r.Attempts < CliHost.MaxDequeueCount)).Select(r => r.Step));
        scan ??= records.FirstOrDefault(r => r.Step == OverdueScanStep.Step);
        if (scan is null) stillRunning.Add(OverdueScanStep.Step);
        var registration = StepSummary.From(await services.GetRequiredService<CaseRegistrationSummary>().ForRunAsync(run.RunId, ct));
        if (!registrationDrained) stillRunning.Add(CaseRegistrationSummary.Step);
        var scanSummary = scan is null
            ? new StepSummary(SyncRunStatus.Queued, "did not run: the run gave up waiting before it", SyncRunRecord.NoCounts)
            : StepSummary.From(scan);
        indicators ??= records.FirstOrDefault(r => r.Step == IndicatorsStep.Step);
        if (indicators is null) stillRunning.Add(IndicatorsStep.Step);
        var indicatorSummary = indicators is null
            ? new StepSummary(SyncRunStatus.Queued, "did not run: the run gave up waiting before it", SyncRunRecord.NoCounts)
            : StepSummary.From(indicators);
        var indicatorValues = indicators is { Status: SyncRunStatus.Succeeded }
            ? await services.GetRequiredService<IndicatorStore>().LoadDayAsync(services.GetRequiredService<IndicatorCalculator>().Today(), ct)
            : new Dictionary<string, double>();
        var notifications = StepSummary.From(await services.GetRequiredService<NotificationSummary>().ForRunAsync(run.RunId, ct));
        if (!notificationsDone) stillRunning.Add(NotificationDigestHandler.Step);
        return new RunSummary(run.RunId, sources.Select(SourceSummary.From).ToList(), registration, scanSummary, notifications, stillRunning)
        {
            Indicators = indicatorSummary,
            IndicatorValues = indicatorValues,
        };
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
