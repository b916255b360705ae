using Azure.Data.Tables;
using Integration.Core.Hosting;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Functions.Tests.Harness;

/// <summary>
/// The real Core services wired by <c>AddIntegration</c>, talking to Azurite and to the Graph
/// stand-in over loopback through the real Graph SDK. Only the clock is fake.
/// </summary>
public sealed class IntegrationHarness : IAsyncDisposable
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly ServiceProvider _services;

    private IntegrationHarness(GraphStandIn graph, SharePointSite site, SharePointList list, ServiceProvider services, FakeTimeProvider time, IConfiguration configuration)
    {
        Graph = graph;
        Site = site;
        List = list;
        _services = services;
        Time = time;
        Configuration = configuration;
    }

    public GraphStandIn Graph { get; }
    public SharePointSite Site { get; }
    public SharePointList List { get; }
    public FakeTimeProvider Time { get; }
    public IConfiguration Configuration { get; }
    public IServiceProvider Services => _services;

    /// <summary>Every request the Core services send to Table storage.</summary>
    public StorageRequestCounter TableRequests { get; private init; } = null!;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="now">The fake clock's start, an instant (default 2026-11-27 10:00 in Stockholm).</param>
    /// <param name="configure">More services, e.g. a source written for a test.</param>
    public static async Task<IntegrationHarness> StartAsync(string storage, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var graph = await GraphStandIn.StartAsync();
        var site = graph.State.AddSite("stockholm.sharepoint.com", "/sites/wise-natverket", "Nätverket");
        var list = PlanItemGenerator.DefineColumns(site.AddList("Handlingsplan"));

        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["SharePoint:GraphBaseUrl"] = graph.BaseUrl.ToString(),
            ["SharePoint:Auth"] = "None",
            ["SharePoint:SiteId"] = site.Id,
            ["SharePoint:Lists:PlanItems"] = "Handlingsplan",
            ["SharePoint:PageSize"] = "5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var tableRequests = new StorageRequestCounter();
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IConfiguration>(configuration)
            .AddIntegration(configuration)
            .ConfigureAll<TableClientOptions>(o => o.AddPolicy(tableRequests, Azure.Core.HttpPipelinePosition.PerCall));
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new IntegrationHarness(graph, site, list, services, time, configuration) { TableRequests = tableRequests };
    }

    /// <summary>Runs the plan-item sync as the queue worker does for a run's message.</summary>
    public Task<SyncCounts> SyncAsync(string runId = "test-run") =>
        _services.GetServices<ISourceSync>().Single(s => s.Source == PlanItemsModule.Source).RunAsync(runId, CancellationToken.None);

    public Task<OverdueScanResult> ScanAsync() => Get<OverdueScanner>().ScanAsync(CancellationToken.None);

    public async Task<Dictionary<string, PlanItemEntity>> StoredItemsAsync()
    {
        var table = await Get<PlanItemStore>().TableAsync(CancellationToken.None);
        var items = new Dictionary<string, PlanItemEntity>();
        await foreach (var e in table.QueryAsync<PlanItemEntity>(e => e.PartitionKey == PlanItemEntity.Partition)) items[e.RowKey] = e;
        return items;
    }

    public async Task<List<Azure.Data.Tables.TableEntity>> QuarantineAsync()
    {
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in Get<QuarantineStore>().ListAsync(PlanItemsModule.Source)) rows.Add(row);
        return rows;
    }

    public async Task<List<NotificationMessage>> PeekNotificationsAsync()
    {
        var queue = await Get<IntegrationStorage>().QueueAsync(QueueNames.Notifications);
        var peeked = await queue.PeekMessagesAsync(32);
        return peeked.Value.SelectMany(m => QueuedNotifications.Events(m.Body.ToString())).ToList();
    }

    /// <summary>
    /// Works a queue as the host does, each message once through the dispatcher: a failure leaves its message
    /// for a later pass. With <paramref name="untilEmpty"/> it goes on until a receive finds nothing visible.
    /// </summary>
    public async Task<List<Exception>> WorkQueueAsync(string queueName, TimeSpan visibility, bool untilEmpty)
    {
        var queue = await Get<IntegrationStorage>().QueueAsync(queueName);
        var dispatcher = Get<QueueMessageDispatcher>();
        var failures = new List<Exception>();
        do
        {
            var messages = (await queue.ReceiveMessagesAsync(32, visibility)).Value;
            if (messages.Length == 0) break;
            foreach (var message in messages)
            {
                try
                {
                    await dispatcher.DispatchAsync(queueName, message.Body.ToString(), message.DequeueCount, CancellationToken.None, message.MessageId);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                }
            }
        }
        while (untilEmpty);

        return failures;
    }

    /// <summary>Every queued notification (packed ones each on their own), more than the 32 messages a peek shows; they are received, so hidden from the queue for a minute.</summary>
    public async Task<List<NotificationMessage>> ReceiveNotificationsAsync()
    {
        var queue = await Get<IntegrationStorage>().QueueAsync(QueueNames.Notifications);
        var all = new List<NotificationMessage>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } received)
        {
            all.AddRange(received.SelectMany(m => QueuedNotifications.Events(m.Body.ToString())));
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
