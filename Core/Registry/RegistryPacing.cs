using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Integration.Core.Registry;

/// <summary>
/// Keeps the registry's requests within <see cref="RegistryOptions.RequestsPerMinute"/>: a request starts at
/// least <see cref="Interval"/> (60 s / that rate) after the one before it, so no minute ever holds more.
/// Callers wait in order for their turn in a <see cref="ConcurrencyLimiter"/> of one permit from
/// System.Threading.RateLimiting; a turn's permit is given back one interval after it was taken, timed by
/// the app's <see cref="TimeProvider"/>. The library's time-based limiters replenish on the machine's
/// stopwatch whatever clock is injected, so only this way does a test's clock pace the registry too.
/// <para>
/// A call takes its turn before it enters the HTTP pipeline, so that waiting is not counted against the
/// pipeline's attempt and call timeouts (a queue of lookups would otherwise time out, and trip the breaker,
/// without a byte sent). The pipeline's own retries go without a new turn: they come only after a 429's
/// <c>Retry-After</c> or the back-off after a 5xx, both slower than the pace.
/// </para>
/// </summary>
public sealed class RegistryPacing : IDisposable
{
    /// <summary>Calls that may wait for their turn at once; lookups come one at a time, so this is a guard, not a plan.</summary>
    public const int MaxWaiting = 1000;

    private readonly ConcurrencyLimiter _turns = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = 1,
        QueueLimit = MaxWaiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly TimeProvider _clock;

    public RegistryPacing(IOptions<RegistryOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Interval = TimeSpan.FromMinutes(1) / Math.Max(1, options.Value.RequestsPerMinute);
    }

    /// <summary>The least time between the starts of two requests.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Waits for this call's turn.</summary>
    /// <returns>False when <see cref="MaxWaiting"/> calls wait already: the call must not be sent.</returns>
    public async ValueTask<bool> WaitTurnAsync(CancellationToken ct)
    {
        var turn = await _turns.AcquireAsync(1, ct);
        if (!turn.IsAcquired)
        {
            turn.Dispose();
            return false;
        }

        _ = GiveBackAsync(turn);
        return true;
    }

    public void Dispose() => _turns.Dispose();

    // The next call may start one interval after this one started, however long this one takes.
    private async Task GiveBackAsync(RateLimitLease turn)
    {
        try
        {
            await Task.Delay(Interval, _clock);
        }
        finally
        {
            turn.Dispose();
        }
    }
}
