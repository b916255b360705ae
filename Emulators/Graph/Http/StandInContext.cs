namespace Integration.Emulators.Graph.Http;

/// <summary>What the endpoints and middleware of one stand-in share.</summary>
internal sealed class StandInContext(GraphStandInOptions options) : IDisposable
{
    private readonly Lazy<HttpClient> loopback = new(() => new HttpClient(
        new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
    {
        Timeout = TimeSpan.FromMinutes(10),
    });

    private long latencyTicks = options.Latency.Ticks;

    public GraphStandInOptions Options { get; } = options;

    public SharePointState State { get; } = new(options.Clock);

    public FaultInjector Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    public TeamsActivityFeed ActivityFeed { get; } = new();

    public ResourceUnitBudget Budget { get; } = new(options.Clock, options.ResourceUnitBudget, options.ResourceUnitWindow);

    /// <summary>How a <c>$batch</c> sends its requests to this stand-in's own origin; redirects are answers, not followed.</summary>
    public HttpClient Loopback => loopback.Value;

    /// <summary>Delay before every Graph response; starts at the option's value and can be changed while running.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value.Ticks);
    }

    /// <summary>Root that links point back to, e.g. <c>http://127.0.0.1:54321/v1.0</c>; known once the port is bound.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:54321</c>: where SharePoint-side URLs such as downloads point.</summary>
    public string Origin { get; set; } = "";

    public void Dispose()
    {
        if (loopback.IsValueCreated)
        {
            loopback.Value.Dispose();
        }
    }
}
