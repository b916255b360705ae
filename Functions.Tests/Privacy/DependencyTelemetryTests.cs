using System.Collections.Concurrent;
using Integration.Functions.Tests.Http;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integration.Functions.Tests.Privacy;

/// <summary>
/// The worker's real telemetry pipeline (as Program.cs builds it, with the HTTP dependency collector)
/// sending to an in-memory channel, while the app's kind of requests go to a loopback server: the
/// Workflows webhook with its signature, a meeting note's pre-authenticated download, a person's
/// activity feed by user principal name. No dependency item keeps the secret or the address.
/// </summary>
public sealed class DependencyTelemetryTests : IAsyncLifetime, IDisposable
{
    private const string Signature = "c2lnbmF0dXJlLW9mLXRoZS1mbG93";
    private const string TempAuth = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.tempauth";
    private const string Person = "anna.lindqvist";

    private LoopbackHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private readonly CollectingChannel _channel = new();

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync((context, _) => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddFunctionsTelemetry();
        services.AddSingleton<ITelemetryChannel>(_channel);
        // Nothing is sent anywhere: the channel keeps the items. The endpoint is loopback all the same.
        services.Configure<ApplicationInsightsServiceOptions>(o => o.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        _ = _services.GetRequiredService<TelemetryClient>();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task NoDependencyKeepsAQueryStringOrAnAddress()
    {
        using var http = new HttpClient();
        var webhook = new Uri(_server.BaseAddress, $"workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Signature}");
        var download = new Uri(_server.BaseAddress, $"_layouts/15/download.aspx?UniqueId=5f1c&Translate=false&tempauth={TempAuth}&ApiVersion=2.0");
        var feed = new Uri(_server.BaseAddress, $"v1.0/users/{Person}%40natverket.example/teamwork/sendActivityNotification");
        (await http.PostAsync(webhook, new StringContent("{}"))).EnsureSuccessStatusCode();
        (await http.GetAsync(download)).EnsureSuccessStatusCode();
        (await http.PostAsync(feed, new StringContent("{}"))).EnsureSuccessStatusCode();

        var dependencies = await DependenciesAsync(3);

        var seen = string.Join("\n", dependencies.SelectMany(d => new[] { d.Data, d.Name, d.Target }.Concat(d.Properties.Values)));
        Assert.DoesNotContain(Signature, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(TempAuth, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(Person, seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("?", string.Join("\n", dependencies.Select(d => d.Data)), StringComparison.Ordinal);
        // What is left still says which call it was.
        Assert.Contains(dependencies, d => d.Data == new Uri(_server.BaseAddress, "workflows/abc/triggers/manual/paths/invoke").ToString());
        Assert.Contains(dependencies, d => d.Data == new Uri(_server.BaseAddress, "v1.0/users/a***@natverket.example/teamwork/sendActivityNotification").ToString());
    }

    private async Task<List<DependencyTelemetry>> DependenciesAsync(int count)
    {
        _services.GetRequiredService<TelemetryClient>().Flush();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_channel.Dependencies.Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(_channel.Dependencies.Count >= count, $"{_channel.Dependencies.Count} dependency item(s) reached the channel; expected {count}. Items: {string.Join(", ", _channel.Items.Select(i => i.GetType().Name))}");
        return [.. _channel.Dependencies];
    }

    /// <summary>A channel that keeps what it is given.</summary>
    private sealed class CollectingChannel : ITelemetryChannel
    {
        public ConcurrentQueue<ITelemetry> Items { get; } = new();

        public List<DependencyTelemetry> Dependencies => Items.OfType<DependencyTelemetry>().ToList();

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "";

        public void Send(ITelemetry item) => Items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
