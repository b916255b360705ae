namespace Integration.Emulators.Teams;

/// <summary>
/// Makes the next posts fail as the Workflows endpoint can: throttled with <c>Retry-After</c>, a
/// server error, or a refusal. Each switch holds for <c>count</c> posts, taken in the order they
/// were set. A failed post is not recorded as delivered. Thread-safe.
/// </summary>
public sealed class WebhookFaults
{
    internal const int StatusPass = 0;

    private readonly FaultQueue<WebhookFault> faults = new();

    /// <summary>Posts still to be hit.</summary>
    public int Pending => faults.Pending;

    /// <summary>The next posts go through as usual; switches set after this one hit the posts after them (fail the second post, say).</summary>
    public void Pass(int count = 1) => Add(count, new WebhookFault(StatusPass, null));

    /// <summary>The next posts answer 429 with <c>Retry-After</c> in whole seconds.</summary>
    public void Throttle(int count = 1, int retryAfterSeconds = 1) => Add(count, new WebhookFault(429, retryAfterSeconds));

    /// <summary>The next posts answer a 5xx (500, 502, 503 or 504).</summary>
    public void ServerError(int count = 1, int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Add(count, new WebhookFault(status, null));
    }

    /// <summary>The next posts are refused with a 4xx other than 429 (the flow was turned off, or the request is too large).</summary>
    public void Refuse(int count = 1, int status = 400)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 499);
        Add(count, new WebhookFault(status, null));
    }

    public void Clear() => faults.Clear();

    internal WebhookFault? TryTake() => faults.TryTake();

    private void Add(int count, WebhookFault fault) => faults.Add(count, fault);
}

internal sealed record WebhookFault(int Status, int? RetryAfterSeconds)
{
    public bool IsPass => Status == WebhookFaults.StatusPass;
}
