namespace Integration.Emulators.Registry;

/// <summary>
/// Makes the next <c>/organisationer</c> calls that passed the token check fail, each switch for
/// <c>count</c> calls, in the order set. Thread-safe.
/// </summary>
public sealed class BolagsverketFaults
{
    private readonly FaultQueue<BolagsverketFault> faults = new();

    public int Pending => faults.Pending;

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

    public void Clear() => faults.Clear();

    internal BolagsverketFault? TryTake() => faults.TryTake();

    private void Add(int count, BolagsverketFault fault) => faults.Add(count, fault);
}

internal sealed record BolagsverketFault(int Status, string Type, string Instance, string Title, string? Detail)
{
    public TimeSpan? RetryAfter { get; init; }

    public bool ScbUnavailable { get; init; }
}
