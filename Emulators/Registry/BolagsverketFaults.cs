namespace Integration.Emulators.Registry;

/// <summary>
/// Makes the next <c>/organisationer</c> calls that passed the token check fail, each switch for
/// <c>count</c> calls, in the order set. Thread-safe.
/// </summary>
public sealed class BolagsverketFaults
{
    private readonly Lock gate = new();
    private readonly Queue<BolagsverketFault> pending = new();

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds and a problem document, as a throttling gateway answers.</summary>
    public void TooManyRequests(int count = 1, TimeSpan? retryAfter = null) =>
        Add(count, new BolagsverketFault(429, "about:blank", "throttling", "Too Many Requests", "Message throttled out") { RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1) });

    /// <summary>500 with a problem document.</summary>
    public void ServerError(int count = 1) =>
        Add(count, new BolagsverketFault(500, "about:blank", "server.internal", "Internal Server Error", "Ett tekniskt fel har inträffat."));

    /// <summary>Any problem document, e.g. a 400 the request did not deserve.</summary>
    public void Problem(int status, string type, string instance, string title, string? detail = null, int count = 1) =>
        Add(count, new BolagsverketFault(status, type, instance, title, detail));

    /// <summary>HTTP 200, but SCB's parts carry <c>OTILLGANGLIG_UPPGIFTSKALLA</c>: a source behind the API is down.</summary>
    public void ScbUnavailable(int count = 1) => Add(count, new BolagsverketFault(200, "", "", "", null) { ScbUnavailable = true });

    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    internal BolagsverketFault? TryTake()
    {
        lock (gate)
        {
            return pending.TryDequeue(out var fault) ? fault : null;
        }
    }

    private void Add(int count, BolagsverketFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            for (var i = 0; i < count; i++) pending.Enqueue(fault);
        }
    }
}

internal sealed record BolagsverketFault(int Status, string Type, string Instance, string Title, string? Detail)
{
    public TimeSpan? RetryAfter { get; init; }

    public bool ScbUnavailable { get; init; }
}
