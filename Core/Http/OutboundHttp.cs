using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Core.Http;

/// <summary>
/// How the backend calls plain HTTP APIs (the case system, the company registry, the Teams
/// webhook): each connector is a typed <see cref="HttpClient"/> behind the standard resilience
/// handler, with the limits below. Graph is not one of them: its SDK brings its own retry handler.
/// </summary>
public static class OutboundHttp
{
    /// <summary>
    /// One attempt. The city's APIs answer in seconds; an attempt still open after this is hung,
    /// and another attempt has a better chance. A connector that uploads large files raises it.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// One call, retries and their waits included. Well inside host.json's functionTimeout (30
    /// minutes), so a stuck API fails the message, and the queue's own retry brings it back later.
    /// </summary>
    public static readonly TimeSpan TotalRequestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Retries after the first attempt, on 408, 429, 5xx, timeouts and connection failures, with
    /// exponential back-off and jitter, waiting as long as a <c>Retry-After</c> header asks.
    /// </summary>
    public const int MaxRetryAttempts = 3;

    /// <summary>
    /// The breaker opens when half of the attempts in <see cref="CircuitSamplingDuration"/> fail,
    /// once there were at least <see cref="CircuitMinimumThroughput"/> of them. A night's calls
    /// are few, so the library default (100 attempts in 30 s) would never trip.
    /// </summary>
    public const double CircuitFailureRatio = 0.5;

    /// <inheritdoc cref="CircuitFailureRatio"/>
    public const int CircuitMinimumThroughput = 10;

    /// <summary>At least twice <see cref="AttemptTimeout"/>, which the library requires so a window can see a timed-out attempt.</summary>
    public static readonly TimeSpan CircuitSamplingDuration = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While open, calls fail at once with <c>Polly.CircuitBreaker.BrokenCircuitException</c>
    /// instead of adding load to a system that is down; the queue message is retried later.
    /// </summary>
    public static readonly TimeSpan CircuitBreakDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The outbound HTTP clients, called once from the composition root. Each connector adds its
    /// <see cref="AddOutboundHttpClient{TClient, TImplementation}"/> line here; until the first
    /// one arrives, this registers only the <see cref="IHttpClientFactory"/> they share (pooled
    /// handlers, DNS refresh).
    /// </summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services)
    {
        services.AddHttpClient();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> as a typed client for
    /// <typeparamref name="TClient"/>, behind the standard resilience handler with the limits above.
    /// </summary>
    /// <param name="configureClient">Base address, default headers.</param>
    /// <param name="configureResilience">
    /// Changes to the limits for this client, applied after the defaults. A call that must not be
    /// repeated (one that creates something and carries no idempotency marker) turns retries off
    /// for it, e.g. <c>options.Retry.DisableForUnsafeHttpMethods()</c>.
    /// </param>
    public static IHttpClientBuilder AddOutboundHttpClient<TClient, TImplementation>(
        this IServiceCollection services,
        Action<HttpClient>? configureClient = null,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
        where TClient : class
        where TImplementation : class, TClient
    {
        var builder = services.AddHttpClient<TClient, TImplementation>(client =>
        {
            // The resilience pipeline's total timeout bounds each call; HttpClient's own 100 s
            // default would cut it short, retries and all.
            client.Timeout = Timeout.InfiniteTimeSpan;
            configureClient?.Invoke(client);
        });

        builder.AddStandardResilienceHandler(options =>
        {
            Apply(options);
            configureResilience?.Invoke(options);
        });
        return builder;
    }

    /// <inheritdoc cref="AddOutboundHttpClient{TClient, TImplementation}"/>
    public static IHttpClientBuilder AddOutboundHttpClient<TClient>(
        this IServiceCollection services,
        Action<HttpClient>? configureClient = null,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
        where TClient : class =>
        services.AddOutboundHttpClient<TClient, TClient>(configureClient, configureResilience);

    private static void Apply(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = AttemptTimeout;
        options.TotalRequestTimeout.Timeout = TotalRequestTimeout;

        // The rest of the retry (which outcomes, back-off, Retry-After) is the library's default.
        options.Retry.MaxRetryAttempts = MaxRetryAttempts;

        options.CircuitBreaker.FailureRatio = CircuitFailureRatio;
        options.CircuitBreaker.MinimumThroughput = CircuitMinimumThroughput;
        options.CircuitBreaker.SamplingDuration = CircuitSamplingDuration;
        options.CircuitBreaker.BreakDuration = CircuitBreakDuration;
    }
}
