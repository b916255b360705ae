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
/// budget allows instead of learning the limit from 429s. SharePoint's own word wins: when an answer says the
/// window is nearly spent (<c>RateLimit-Remaining</c>, sent from 80% of the budget) or throttles with
/// <c>Retry-After</c>, every call waits for the window to reset.
/// </summary>
/// <remarks>
/// The bucket holds a twentieth of the budget and refills the rest evenly over the window, so no window of
/// that length, however it falls, sees more than the budget: what the bucket held at its start plus what
/// flowed in during it. Other apps, or other instances of this one, spend from the same budget; their share
/// shows in SharePoint's headers, which is why they are honoured.
/// </remarks>
public sealed partial class ResourceUnitBudget : IDisposable
{
    /// <summary>The most units one call can take: a batch of 20 writes.</summary>
    public const int LargestRequest = 2 * GraphBatch.MaxRequests;

    /// <summary>Refills per window: fine enough that the pace is even, coarse enough to cost nothing.</summary>
    private const int RefillsPerWindow = 20;

    /// <summary>From this many units left in SharePoint's window, calls wait for its reset.</summary>
    private const int LowWater = LargestRequest;

    private readonly TokenBucketRateLimiter? _bucket;
    private readonly TimeProvider _time;
    private readonly ILogger<ResourceUnitBudget> _logger;
    private readonly int _budget;
    private readonly TimeSpan _window;
    private long _holdUntilTicks;
    private long _units;
    private long _waitedTicks;
    private long _lastReportTicks;
    private int _throttled;

    public ResourceUnitBudget(IOptions<SharePointOptions> options, ILogger<ResourceUnitBudget> logger)
    {
        // SharePoint's window runs on the wall clock, whatever clock the night's business runs on.
        _time = TimeProvider.System;
        _logger = logger;
        _budget = options.Value.ResourceUnitsPerMinute;
        _window = options.Value.ResourceUnitWindow;
        if (_budget <= 0) return;

        var burst = Math.Max(LargestRequest, _budget / RefillsPerWindow);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = Math.Max(1, (_budget - burst) / RefillsPerWindow),
            ReplenishmentPeriod = _window / RefillsPerWindow,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

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
        using var lease = await _bucket.AcquireAsync(Math.Min(units, TokenLimit), ct);
        // After the units, not before: SharePoint may have said its window is spent while this call waited for them.
        var hold = new DateTimeOffset(Interlocked.Read(ref _holdUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
        if (hold > TimeSpan.Zero) await Task.Delay(hold, _time, ct);

        var waited = _time.GetElapsedTime(started);
        if (waited > TimeSpan.Zero) Interlocked.Add(ref _waitedTicks, waited.Ticks);
        ReportNow();
    }

    private int TokenLimit => Math.Max(LargestRequest, _budget / RefillsPerWindow);

    /// <summary>
    /// What SharePoint said of its window in an answer's headers: a 429/503's <c>Retry-After</c>, or
    /// <c>RateLimit-Remaining</c> at or below the low-water mark with its <c>RateLimit-Reset</c>. Either holds every call until then.
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
        else if (remaining is { } left && left <= LowWater && resetSeconds is { } reset)
        {
            HoldFor(TimeSpan.FromSeconds(reset));
        }
    }

    private void HoldFor(TimeSpan wait)
    {
        if (_bucket is null || wait <= TimeSpan.Zero) return;
        var until = (_time.GetUtcNow() + wait).UtcTicks;
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
