using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Core.Operations;

/// <summary>
/// The health endpoint's answer: each dependency checked by <see cref="HealthCheckService"/>,
/// the result kept for a minute so that a busy probe costs the dependencies one check a minute.
/// Callers in that minute share one check. The answer holds no configuration value and no secret:
/// a check's words, or the kind of its failure.
/// </summary>
public sealed class DependencyHealth(HealthCheckService checks, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <summary>How long each check may take before it counts as down.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private (DateTimeOffset At, Task<HealthAnswer> Answer)? _cached;

    public Task<HealthAnswer> CheckAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_cached is not { } cached || now - cached.At >= CacheFor || cached.Answer.IsFaulted)
            {
                // Not the caller's token: a probe that hangs up must not cancel the check others wait on.
                cached = (now, RunAsync());
                _cached = cached;
            }

            return cached.Answer.WaitAsync(ct);
        }
    }

    private async Task<HealthAnswer> RunAsync()
    {
        var report = await checks.CheckHealthAsync(CancellationToken.None);
        var entries = report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), Describe(e.Value)));
        var down = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        return new HealthAnswer(report.Status.ToString(), down, entries, time.GetUtcNow());
    }

    // A check that threw or timed out is described by the kind of failure, never its message.
    private static string? Describe(HealthReportEntry entry) => entry.Exception switch
    {
        null => entry.Description,
        OperationCanceledException => $"did not answer within {CheckTimeout.TotalSeconds:0} s",
        var ex => $"check failed ({ex.GetType().Name})",
    };
}

/// <summary>What the health endpoint answers: the overall status, which dependencies are down, and each check.</summary>
public sealed record HealthAnswer(string Status, IReadOnlyList<string> Down, IReadOnlyDictionary<string, HealthEntry> Checks, DateTimeOffset CheckedAt)
{
    /// <summary>503 when a dependency is down; a missing night alone (degraded) is still 200.</summary>
    public bool IsDown => Down.Count > 0;
}

public sealed record HealthEntry(string Status, string? Detail);
