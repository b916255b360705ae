using Integration.Cli.Hosting;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integration.Cli.RunOnce;

/// <summary>
/// One nightly cycle, start to end: queue every source as the NightlySync timer does, let the
/// WebJobs queue listener work the queue until each source is done or poisoned, then run the
/// overdue scan as the OverdueScan timer does.
/// </summary>
internal sealed class RunOnceRunner(IConfiguration configuration, bool verbose, Action<string> progress)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public async Task<RunSummary> RunAsync(CancellationToken ct)
    {
        using var host = CliHost.Build(configuration, verbose);
        var services = host.Services;

        // Storage first: the queue listener would otherwise meet an unreachable account (or an
        // identity without a token) on a thread of its own, where the failure ends the process.
        foreach (var queue in QueueNames.All) await services.GetRequiredService<IntegrationStorage>().QueueAsync(queue, ct);
        await host.StartAsync(ct);

        var run = await services.GetRequiredService<NightlyCycle>().StartAsync(ct);
        progress($"Run {run.RunId}: {run.QueuedSources.Count} source(s) queued ({string.Join(", ", run.QueuedSources)}).");
        await WaitForSourcesAsync(services, run, ct);
        await host.StopAsync(CancellationToken.None);

        OverdueScanResult? scan = null;
        var scanner = services.GetRequiredService<OverdueScanner>();
        if (scanner.IsConfigured)
        {
            progress("Overdue scan…");
            scan = await scanner.ScanAsync(ct);
            progress($"Overdue scan: {scan.Scanned} candidates, {scan.NewlyOverdue} newly overdue, {scan.NewlyDueSoon} newly due soon, {scan.FlagWrites} flag writes, {scan.Notifications} notifications queued.");
        }

        var records = await services.GetRequiredService<SyncRunStore>().ListAsync(run.RunId, ct);
        var sources = SyncSources.Names
            .Select(name => records.FirstOrDefault(r => r.Source == name))
            .OfType<SyncRunRecord>()
            .Select(r => SourceSummary.From(r, r.Source == SyncSources.PlanItems ? scan : null))
            .ToList();
        return new RunSummary(run.RunId, sources, scan);
    }

    private async Task WaitForSourcesAsync(IServiceProvider services, NightlyRun run, CancellationToken ct)
    {
        var runs = services.GetRequiredService<SyncRunStore>();
        var queue = await services.GetRequiredService<IntegrationStorage>().QueueAsync(QueueNames.SyncSource, ct);
        var reported = new Dictionary<string, (SyncRunStatus, int)>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            var records = (await runs.ListAsync(run.RunId, timeout.Token)).Where(r => run.QueuedSources.Contains(r.Source)).ToList();
            foreach (var record in records.Where(r => r.Status != SyncRunStatus.Queued))
            {
                if (reported.TryGetValue(record.Source, out var seen) && seen == (record.Status, record.Attempts)) continue;
                reported[record.Source] = (record.Status, record.Attempts);
                progress(record.Status == SyncRunStatus.Failed
                    ? $"{record.Source}: attempt {record.Attempts} of {CliHost.MaxDequeueCount} failed: {record.Detail}"
                    : $"{record.Source}: {record.Status.ToString().ToLowerInvariant()} (read {record.Counts.Read}).");
            }

            if (records.All(r => r.Status is SyncRunStatus.Succeeded or SyncRunStatus.Skipped)) return;

            // A failure is final once the listener has used up its tries; the message is on its
            // way to the poison queue, and the queue is empty once it got there.
            var final = records.All(r => r.Status is SyncRunStatus.Succeeded or SyncRunStatus.Skipped
                || (r.Status == SyncRunStatus.Failed && r.Attempts >= CliHost.MaxDequeueCount));
            if (final && (await queue.GetPropertiesAsync(timeout.Token)).Value.ApproximateMessagesCount == 0) return;

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
