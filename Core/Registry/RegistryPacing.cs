using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Integration.Core.Registry;

/// <summary>
/// Keeps the registry's requests within <see cref="RegistryOptions.RequestsPerMinute"/>: one request, then
/// one more each 60 s / that rate, waiting in order for a permit. A token bucket of one token from
/// System.Threading.RateLimiting, so no window of a minute ever holds more than the rate. Its tokens come
/// from a timer of the app's <see cref="TimeProvider"/> instead of the limiter's own real-time timer, so
/// that a test's clock paces it too. Every attempt takes a permit, retries included (see
/// <see cref="RegistryRegistration"/>).
/// </summary>
public sealed class RegistryPacing : IDisposable
{
    /// <summary>Requests that may wait for a permit at once; lookups come one at a time, so this is a guard, not a plan.</summary>
    public const int MaxWaiting = 1000;

    private readonly TokenBucketRateLimiter _limiter;
    private readonly ITimer _tick;

    public RegistryPacing(IOptions<RegistryOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Interval = TimeSpan.FromMinutes(1) / Math.Max(1, options.Value.RequestsPerMinute);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Interval,
            AutoReplenishment = false,
            QueueLimit = MaxWaiting,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _tick = clock.CreateTimer(_ => _limiter.TryReplenish(), null, Interval, Interval);
    }

    /// <summary>The time between two requests.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Waits for a permit; the lease is granted unless <see cref="MaxWaiting"/> requests wait already.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken ct) => _limiter.AcquireAsync(1, ct);

    public void Dispose()
    {
        _tick.Dispose();
        _limiter.Dispose();
    }
}
