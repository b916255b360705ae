namespace Integration.Emulators.Graph;

/// <summary>
/// SharePoint's per-app resource-unit budget, enforced when a limit is set (off by default): a fixed window that
/// starts with the first metered operation after the last (re)start. Each operation adds its cost as it is served;
/// one that would take the window past the limit answers 429 with <c>Retry-After</c> (whole seconds until the window
/// ends, at least 1). From 80% used, answers carry <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and
/// <c>RateLimit-Reset</c>. Unlike SharePoint, which charges throttled requests too, a throttled operation adds
/// nothing here, so a test can tell exactly how many operations fit; it is counted in
/// <see cref="RequestCounts.Throttled"/> instead. Thread-safe.
/// </summary>
public sealed class ResourceUnitBudget
{
    /// <summary>The share of the window's budget from which answers carry the RateLimit headers.</summary>
    public const double WarningShare = 0.8;

    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private int? limit;
    private TimeSpan window;
    private DateTimeOffset? windowStart;
    private int used;

    internal ResourceUnitBudget(TimeProvider clock, int? limit, TimeSpan window)
    {
        this.clock = clock;
        Set(limit, window);
    }

    /// <summary>Units per window; null when the budget is not enforced.</summary>
    public int? Limit
    {
        get
        {
            lock (gate)
            {
                return limit;
            }
        }
    }

    public TimeSpan Window
    {
        get
        {
            lock (gate)
            {
                return window;
            }
        }
    }

    /// <summary>Units served in the current window; 0 when no window is running.</summary>
    public int Used
    {
        get
        {
            lock (gate)
            {
                return WindowRunning(clock.GetUtcNow()) ? used : 0;
            }
        }
    }

    /// <summary>Sets the limit (null: off) and the window's length, and starts afresh: the next metered operation opens a window.</summary>
    public void Set(int? limit, TimeSpan window)
    {
        if (limit is <= 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A budget is at least one unit; null turns it off.");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        lock (gate)
        {
            this.limit = limit;
            this.window = window;
            windowStart = null;
            used = 0;
        }
    }

    /// <summary>Whether an operation of <paramref name="cost"/> units is served, and what its answer tells of the budget.</summary>
    internal BudgetDecision Charge(int cost)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (limit is not { } budget)
            {
                return new BudgetDecision(Served: true, RetryAfterSeconds: 0, RateLimit: null);
            }

            if (!WindowRunning(now))
            {
                windowStart = now;
                used = 0;
            }

            var secondsLeft = (int)Math.Max(1, Math.Ceiling((windowStart!.Value + window - now).TotalSeconds));
            var served = used + cost <= budget;
            if (served)
            {
                used += cost;
            }

            var warn = !served || used >= budget * WarningShare;
            return new BudgetDecision(served, served ? 0 : secondsLeft, warn ? new RateLimitState(budget, budget - used, secondsLeft) : null);
        }
    }

    private bool WindowRunning(DateTimeOffset now) => windowStart is { } start && now < start + window;
}

/// <summary>The budget's word on one operation; <see cref="RateLimit"/> is set from 80% of the budget used.</summary>
internal readonly record struct BudgetDecision(bool Served, int RetryAfterSeconds, RateLimitState? RateLimit);

/// <summary>What the <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c> headers say.</summary>
internal sealed record RateLimitState(int Limit, int Remaining, int ResetSeconds);
