using Integration.Emulators.Graph.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Emulators.Graph;

/// <summary>
/// A loopback stand-in for Microsoft Graph's SharePoint list and document library (drive) endpoints, and the
/// Teams activity feed's <c>sendActivityNotification</c>. It answers
/// as SharePoint does, paging, delta links, throttling and errors included, so the real Graph SDK can be pointed
/// at <see cref="BaseUrl"/> unchanged.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly StandInContext context;

    private GraphStandIn(WebApplication app, StandInContext context)
    {
        this.app = app;
        this.context = context;
    }

    /// <summary>Graph root, e.g. <c>http://127.0.0.1:54321/v1.0</c> (no trailing slash).</summary>
    public Uri BaseUrl => new(context.BaseUrl);

    public SharePointState State => context.State;

    public FaultInjector Faults => context.Faults;

    public RequestLog Requests => context.Requests;

    /// <summary>The tenant's users for Teams, whether our app is installed for each, and the activity-feed notifications received.</summary>
    public TeamsActivityFeed ActivityFeed => context.ActivityFeed;

    /// <summary>The resource-unit budget: off unless <see cref="GraphStandInOptions.ResourceUnitBudget"/> or <see cref="ResourceUnitBudget.Set"/> sets one.</summary>
    public ResourceUnitBudget Budget => context.Budget;

    /// <summary>Delay before every Graph response; starts at <see cref="GraphStandInOptions.Latency"/>.</summary>
    public TimeSpan Latency
    {
        get => context.Latency;
        set => context.Latency = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Starts listening on 127.0.0.1 (a free port unless <see cref="GraphStandInOptions.Port"/> is set).</summary>
    public static async Task<GraphStandIn> StartAsync(GraphStandInOptions? options = null, CancellationToken ct = default)
    {
        options ??= new GraphStandInOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxPageSize);
        var context = new StandInContext(options);

        var builder = LoopbackApp.CreateBuilder(options.Port);

        var app = builder.Build();
        StandInPipeline.Use(app, context);
        GraphEndpoints.Map(app, context);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        context.Origin = address.TrimEnd('/');
        context.BaseUrl = context.Origin + "/v1.0";
        return new GraphStandIn(app, context);
    }

    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        context.Dispose();
    }
}
