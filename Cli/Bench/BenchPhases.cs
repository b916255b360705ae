using System.Diagnostics;
using Azure.Data.Tables;
using Integration.Core.Hosting;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Bench;

/// <summary>
/// One phase of the bench, run in a process of its own so that its peak working set is its own.
/// The configuration is the ordinary one (environment variables), pointing at the bench's Azurite
/// and Graph stand-in (and, for the meeting notes' registration, the SIF stand-in). The plan-item
/// phases are here; the meeting-notes phases are <see cref="NotePhases"/>.
/// </summary>
internal static class BenchPhases
{
    public const string FullSync = "full-sync";
    public const string Sync = "sync";
    public const string RawCeiling = "raw-ceiling";
    public const string Scan = "scan";
    public const string Naive = "naive";
    public const string PacedNight = "paced-night";

    public static IReadOnlyList<string> All { get; } = [FullSync, Sync, RawCeiling, Scan, Naive, PacedNight, .. NotePhases.All, ReportPhase.Name];

    public static async Task<PhaseResult> RunAsync(string phase, IConfiguration configuration, CancellationToken ct)
    {
        // The report reads storage only: no Graph stand-in to warm up.
        if (phase == ReportPhase.Name) return await ReportPhase.RunAsync(configuration, ct);

        var tableRequests = new StorageRequestCounter();
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration);
        services.ConfigureAll<TableClientOptions>(o => o.AddPolicy(tableRequests, Azure.Core.HttpPipelinePosition.PerCall));
        var queueRequests = new StorageRequestCounter();
        services.ConfigureAll<Azure.Storage.Queues.QueueClientOptions>(o => o.AddPolicy(queueRequests, Azure.Core.HttpPipelinePosition.PerCall));
        await using var provider = services.BuildServiceProvider();

        // Cold start (JIT, connections, table creation) is not what the bench measures: run the
        // night's code once elsewhere when the bench gave a place for it, warm up the measured
        // clients, then zero both request counters.
        var notes = NotePhases.All.Contains(phase);
        var warmUp = configuration.GetSection(notes ? NotesWarmUp.Section : BenchWarmUp.Section);
        if (warmUp.Exists())
        {
            await (notes ? NotesWarmUp.RunAsync(warmUp, ct) : BenchWarmUp.RunAsync(warmUp, ct));
            // The sources and the scan are built too, as in a host that has been running; a cold process builds them in its night.
            _ = provider.GetServices<ISourceSync>().ToList();
            _ = provider.GetRequiredService<OverdueScanner>();
        }

        await WarmUpAsync(provider, configuration, ct);
        tableRequests.Reset();
        queueRequests.Reset();

        var clock = Stopwatch.StartNew();
        var result = phase switch
        {
            FullSync or Sync => FromCounts(phase, await provider.GetServices<ISourceSync>().Single(s => s.Source == PlanItemsModule.Source).RunAsync(phase, ct)),
            RawCeiling => await RawCeilingAsync(provider, ct),
            Scan => await ScanAsync(provider, ct),
            Naive => FromCounts(phase, await ActivatorUtilities.CreateInstance<NaiveSync>(provider).RunAsync(ct)),
            PacedNight => await PacedNightAsync(provider, ct),
            _ when notes => await NotePhases.RunAsync(phase, provider, ct),
            _ => throw new ArgumentException($"Unknown bench phase '{phase}'; expected one of {string.Join(", ", All)}."),
        };
        var seconds = result.Seconds > 0 ? result.Seconds : clock.Elapsed.TotalSeconds;

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return result with
        {
            Seconds = seconds,
            PeakWorkingSetBytes = self.PeakWorkingSet64,
            TableReads = tableRequests.Reads,
            TableWrites = tableRequests.Writes,
            TableTransactions = tableRequests.Transactions,
            QueueMessages = queueRequests.Writes,
        };
    }

    private static async Task WarmUpAsync(IServiceProvider provider, IConfiguration configuration, CancellationToken ct)
    {
        var storage = provider.GetRequiredService<IntegrationStorage>();
        foreach (var table in provider.GetRequiredService<StorageTables>().All) await storage.TableAsync(table, ct);
        await storage.QueueAsync(Core.Queues.QueueNames.Notifications, ct);
        await storage.ContainerAsync(Core.Storage.ContainerNames.SyncState, ct);
        await (await provider.GetRequiredService<PlanItemStore>().TableAsync(ct)).GetEntityIfExistsAsync<PlanItemEntity>(PlanItemEntity.Partition, "warm-up", cancellationToken: ct);

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Configuration.SharePointOptions>>().Value;
        await provider.GetRequiredService<Microsoft.Graph.GraphServiceClient>().Sites[options.SiteId].GetAsync(cancellationToken: ct);

        // The stand-in counts Graph requests for the parent; the warm-up call is not the phase's.
        using var control = new Emulators.Graph.GraphStandInControl(new Uri(configuration["SharePoint:GraphBaseUrl"]!));
        await control.ClearRequestsAsync(ct);
    }

    private static PhaseResult FromCounts(string phase, SyncCounts c) =>
        new(phase, 0, 0, 0, 0, 0, c.Read, c.Created, c.Updated, c.Unchanged, c.Deleted, c.Quarantined, Entities: c.Created + c.Updated);

    private static async Task<PhaseResult> ScanAsync(IServiceProvider provider, CancellationToken ct)
    {
        // The yardsticks are counted before the scan changes anything, outside the timing.
        var open = await CountAsync(provider, "IsOpen eq true and DueDate le {0}", ct);
        var toClear = await CountAsync(provider, "(Flag ne '' or SharePointFlag ne '') and (IsOpen eq false or DueDate gt {0})", ct);
        var clock = Stopwatch.StartNew();
        var scan = await provider.GetRequiredService<OverdueScanner>().ScanAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        return new PhaseResult(Scan, seconds, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Scanned: scan.Scanned, OpenWithinHorizon: open, FlagsToClear: toClear, FlagWrites: scan.FlagWrites)
        {
            Notifications = scan.Notifications,
        };
    }

    /// <summary>
    /// A first night as it runs against SharePoint's budget: the full sync, then the first overdue scan,
    /// timed together, with what the client counted of its resource units and its waits for them.
    /// </summary>
    private static async Task<PhaseResult> PacedNightAsync(IServiceProvider provider, CancellationToken ct)
    {
        var budget = provider.GetRequiredService<Core.SharePoint.Pacing.ResourceUnitBudget>();
        var (unitsBefore, waitedBefore) = (budget.UnitsSpent, budget.Waited);
        var clock = Stopwatch.StartNew();
        var counts = await provider.GetServices<ISourceSync>().Single(s => s.Source == PlanItemsModule.Source).RunAsync(PacedNight, ct);
        var (syncSeconds, syncUnits) = (clock.Elapsed.TotalSeconds, budget.UnitsSpent - unitsBefore);
        var scan = await provider.GetRequiredService<OverdueScanner>().ScanAsync(ct);
        return FromCounts(PacedNight, counts) with
        {
            Seconds = clock.Elapsed.TotalSeconds,
            Scanned = scan.Scanned,
            FlagWrites = scan.FlagWrites,
            UnitsCounted = budget.UnitsSpent - unitsBefore,
            PacingWaitSeconds = (budget.Waited - waitedBefore).TotalSeconds,
            SyncSeconds = syncSeconds,
            SyncUnits = syncUnits,
        };
    }

    /// <summary>Counts live plan items matching a filter in which <c>{0}</c> is the scan's horizon date.</summary>
    private static async Task<int> CountAsync(IServiceProvider provider, string condition, CancellationToken ct)
    {
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OverdueOptions>>().Value;
        var rule = new OverdueRule(provider.GetRequiredService<Core.Calendar.NetworkCalendar>().TimeZone, options.DueSoonDays);
        var horizon = rule.Horizon(rule.Today(provider.GetRequiredService<TimeProvider>().GetUtcNow())).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var table = await provider.GetRequiredService<PlanItemStore>().TableAsync(ct);
        var count = 0;
        var filter = $"PartitionKey eq '{PlanItemEntity.Partition}' and IsDeleted eq false and " + string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, $"'{horizon}'");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) count++;
        return count;
    }

    /// <summary>
    /// The raw store ceiling: the stored plan items written again, straight to a table of their
    /// own in batch transactions, with no sync logic. Only the writes are timed.
    /// </summary>
    private static async Task<PhaseResult> RawCeilingAsync(IServiceProvider provider, CancellationToken ct)
    {
        var storage = provider.GetRequiredService<IntegrationStorage>();
        var source = await storage.TableAsync(TableNames.PlanItems, ct);
        var target = storage.TableService.GetTableClient("RawCeiling");
        await target.DeleteAsync(ct);
        await target.CreateIfNotExistsAsync(ct);

        var writing = new Stopwatch();
        var entities = 0;
        await foreach (var page in source.QueryAsync<TableEntity>(e => e.PartitionKey == PlanItemEntity.Partition, maxPerPage: 1000, cancellationToken: ct).AsPages())
        {
            var actions = page.Values.Select(e =>
            {
                e.ETag = default;
                return new TableTransactionAction(TableTransactionActionType.Add, e);
            }).ToList();
            writing.Start();
            await TableBatch.SubmitAsync(target, actions, ct);
            writing.Stop();
            entities += actions.Count;
        }

        return new PhaseResult(RawCeiling, writing.Elapsed.TotalSeconds, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Entities: entities);
    }
}
