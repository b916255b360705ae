using System.Globalization;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Integration.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.SharePoint.Pacing;

/// <summary>
/// The process's share of SharePoint's resource-unit budget (<c>SharePoint__ResourceUnitsPerMinute</c> per
/// <c>SharePoint__ResourceUnitWindow</c>). Every Graph call takes its units (<see cref="ResourceUnitCost"/>) from a
/// token bucket before it is sent, so a night that has thousands of writes spreads them over the minutes the
/// budget allows instead of learning the limit from 429s. SharePoint's own word wins: from 80% of its budget
/// it says in every answer how many units are left (<c>RateLimit-Remaining</c>) until its window resets
/// (<c>RateLimit-Reset</c>); a call those units would not cover waits for the reset, as every call does
/// after a 429 or 503 for its <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// The bucket holds a twentieth of the budget (at least a refill more than the largest call) and refills the
/// rest, less one largest call, evenly over the window, so no window of that length, however it falls, sees
/// more than the budget: what the bucket held at its start plus what flowed in during it. Other apps, or other instances of this
/// one, spend from the same budget; their share shows in SharePoint's headers, which is why they are honoured.
/// </remarks>
public sealed partial class ResourceUnitBudget : IDisposable
{
    /// <summary>The most units one call can take: a batch of 20 writes.</summary>
    public const int LargestRequest = 2 * GraphBatch.MaxRequests;

    /// <summary>The least budget pacing works with: a burst of one largest call, one in reserve, and some flow.</summary>
    public const int SmallestBudget = 3 * LargestRequest;

    /// <summary>The bucket's size as a share of the budget: what may go at once after a quiet spell.</summary>
    private const int BurstShare = 20;

    /// <summary>About this many refills a window: fine enough that the pace is even, coarse enough to cost nothing.</summary>
    private const int RefillsPerWindow = 100;

    private readonly TokenBucketRateLimiter? _bucket;
    private readonly TimeProvider _time;
    private readonly ILogger<ResourceUnitBudget> _logger;
    private readonly int _budget;
    private readonly int _tokenLimit;
    private readonly TimeSpan _window;
    private long _holdUntilTicks;
    private long _units;
    private long _waitedTicks;
    private long _lastReportTicks;
    private int _throttled;

    // What SharePoint last said is left of its window, less what was sent since, and when the window resets.
    private long _serverRemaining;
    private long _serverResetTicks;

    public ResourceUnitBudget(IOptions<SharePointOptions> options, ILogger<ResourceUnitBudget> logger)
    {
        // SharePoint's window runs on the wall clock, whatever clock the night's business runs on.
        _time = TimeProvider.System;
        _logger = logger;
        _budget = options.Value.ResourceUnitsPerMinute;
        _window = options.Value.ResourceUnitWindow;
        if (_budget <= 0) return;

        // The rest of the budget, less one largest call, flows in evenly: a whole number of units a refill,
        // each refill as far apart as makes the rate exact. A window that opens on a full bucket then ends
        // with a call's worth of units to spare, rather than with a call SharePoint's last answer says will
        // not fit and a wait for its reset, which it gives in whole seconds. The bucket holds a refill more
        // than the largest call, so no refill is lost to its cap while a call waits.
        var burst = Burst(_budget);
        var flow = FlowPerWindow(_budget);
        var perRefill = Math.Max(1, flow / RefillsPerWindow);
        _tokenLimit = Math.Max(burst, LargestRequest + perRefill);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _tokenLimit,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = _window * perRefill / flow,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            // The limiter's own timer. Refilling by elapsed time instead (TryReplenish from a timer of ours) was
            // tried and dropped: the limiter does not note the time while its bucket is full, so the first refill
            // after a quiet spell fills the bucket twice over, and a window could see a bucket more than the budget.
            AutoReplenishment = true,
        });
    }

    /// <summary>What may go at once after a quiet spell.</summary>
    private static int Burst(int budget) => Math.Max(LargestRequest, budget / BurstShare);

    /// <summary>The units that flow into the bucket over a window: the budget less the bucket and one largest call in reserve.</summary>
    public static int FlowPerWindow(int budget) => Math.Max(1, budget - Burst(budget) - LargestRequest);

    /// <summary>Whether calls are paced at all (a budget of 0 turns pacing off).</summary>
    public bool IsPacing => _bucket is not null;

    /// <summary>Units taken since the process started, as <see cref="ResourceUnitCost"/> estimates them.</summary>
    public long UnitsSpent => Interlocked.Read(ref _units);

    /// <summary>Time calls spent waiting for units or for SharePoint's window, summed over calls.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    /// <summary>Answers that were 429 or 503, inside a batch or not.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Waits until <paramref name="units"/> may be spent: SharePoint's window open, and the units in the bucket.</summary>
    public async ValueTask TakeAsync(int units, CancellationToken ct)
    {
        if (units <= 0) return;
        Interlocked.Add(ref _units, units);
        if (_bucket is null) return;

        var started = _time.GetTimestamp();
        using var lease = await _bucket.AcquireAsync(Math.Min(units, _tokenLimit), ct);
        // After the units, not before: SharePoint may have said its window is spent while this call waited for them.
        var resetAt = Interlocked.Read(ref _serverResetTicks);
        if (_time.GetUtcNow().UtcTicks < resetAt && Interlocked.Add(ref _serverRemaining, -units) < 0)
        {
            HoldUntil(resetAt);
        }

        var hold = new DateTimeOffset(Interlocked.Read(ref _holdUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
        if (hold > TimeSpan.Zero) await Task.Delay(hold, _time, ct);

        var waited = _time.GetElapsedTime(started);
        if (waited > TimeSpan.Zero) Interlocked.Add(ref _waitedTicks, waited.Ticks);
        ReportNow();
    }

    /// <summary>
    /// What SharePoint said of its window in an answer to a metered request: a 429/503's <c>Retry-After</c>
    /// holds every call until then; <c>RateLimit-Remaining</c> with its <c>RateLimit-Reset</c> are the units
    /// the calls after it may spend before the reset; an answer without them, that the window is not nearly spent.
    /// </summary>
    public void Observe(int status, HttpResponseHeaders headers) =>
        Observe(status, headers.RetryAfter?.Delta, Header(headers, "RateLimit-Remaining"), Header(headers, "RateLimit-Reset"));

    /// <inheritdoc cref="Observe(int, HttpResponseHeaders)"/>
    public void Observe(int status, TimeSpan? retryAfter, int? remaining, int? resetSeconds)
    {
        if (status is 429 or 503)
        {
            Interlocked.Increment(ref _throttled);
            HoldFor(retryAfter ?? TimeSpan.FromSeconds(1));
        }
        else if (remaining is { } left && resetSeconds is { } reset)
        {
            Interlocked.Exchange(ref _serverRemaining, left);
            Interlocked.Exchange(ref _serverResetTicks, (_time.GetUtcNow() + TimeSpan.FromSeconds(reset)).UtcTicks);
        }
        else if (status is >= 200 and < 300)
        {
            // SharePoint sends the headers only from 80% of its window: an answer without them says the
            // window has reset, which is sooner than the whole seconds of its last RateLimit-Reset.
            Interlocked.Exchange(ref _serverResetTicks, 0);
        }
    }

    private void HoldFor(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) HoldUntil((_time.GetUtcNow() + wait).UtcTicks);
    }

    private void HoldUntil(long until)
    {
        if (_bucket is null) return;
        var wait = TimeSpan.FromTicks(until - _time.GetUtcNow().UtcTicks);
        long current;
        do
        {
            current = Interlocked.Read(ref _holdUntilTicks);
            if (current >= until) return;
        }
        while (Interlocked.CompareExchange(ref _holdUntilTicks, until, current) != current);
        LogHolding(wait.TotalSeconds);
    }

    private static int? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Every ten seconds at most, while pacing has made calls wait: how far the night has got.</summary>
    private void ReportNow()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastReportTicks);
        if (Waited < TimeSpan.FromSeconds(1) || now - last < TimeSpan.FromSeconds(10).Ticks) return;
        if (Interlocked.CompareExchange(ref _lastReportTicks, now, last) != last) return;
        LogPacing(UnitsSpent, _budget, _window, Waited.TotalSeconds, Throttled);
    }

    /// <summary>The budget as an operator reads it: <c>1,200 units per 00:01:00</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{_budget:N0} units per {_window}");

    public void Dispose() => _bucket?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Pacing SharePoint calls to {Budget} resource units per {Window}: {Units} units spent so far, calls have waited {Waited:F1} s in all, {Throttled} answers throttled.")]
    private partial void LogPacing(long units, int budget, TimeSpan window, double waited, int throttled);

    [LoggerMessage(Level = LogLevel.Information, Message = "SharePoint's resource-unit window is spent: calls wait {Seconds:F0} s for it to reset.")]
    private partial void LogHolding(double seconds);
}
