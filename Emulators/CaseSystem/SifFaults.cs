namespace Integration.Emulators.CaseSystem;

/// <summary>
/// Makes the next calls to an operation fail. An operation is named <c>CreateDocument</c> or
/// <c>DocumentService/CreateDocument</c> (case-insensitive); null means any operation. Each switch
/// holds for <c>count</c> calls; calls take switches in the order they were set, one each. Faults hit
/// only calls that passed the key check. Thread-safe.
/// </summary>
public sealed class SifFaults
{
    private readonly Lock gate = new();
    private readonly List<Rule> rules = [];

    /// <summary>Calls still to be hit, over all switches.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return rules.Sum(r => r.Remaining);
            }
        }
    }

    /// <summary>Holds the next calls for <paramref name="delay"/> before carrying them out; a caller that times out does not stop them.</summary>
    public void Slow(string? operation, TimeSpan delay, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(operation, count, new SifFault(SifFaultKind.Slow) { Delay = delay });
    }

    /// <summary>The next calls answer HTTP 500.</summary>
    public void ServerError(string? operation, int count = 1) => Add(operation, count, new SifFault(SifFaultKind.ServerError));

    /// <summary>The next calls answer HTTP 503, with <c>Retry-After</c> in whole seconds when <paramref name="retryAfter"/> is given.</summary>
    public void Unavailable(string? operation, int count = 1, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        Add(operation, count, new SifFault(SifFaultKind.Unavailable) { RetryAfter = retryAfter });
    }

    /// <summary>The next calls answer HTTP 200 with <c>Successful: false</c>, <paramref name="message"/> and <paramref name="details"/>.</summary>
    public void BusinessError(string? operation, string message, int count = 1, string? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        Add(operation, count, new SifFault(SifFaultKind.BusinessError) { Message = message, Details = details });
    }

    /// <summary>The next calls are carried out (the document is created), then the connection is aborted without an answer.</summary>
    public void LoseAnswer(string? operation, int count = 1) => Add(operation, count, new SifFault(SifFaultKind.LostAnswer));

    /// <summary>The next paged queries answer a <c>TotalPageCount</c> that never ends (<see cref="SifFaultKind.EndlessPages"/>).</summary>
    public void EndlessPages(string? operation, int count = 1) => Add(operation, count, new SifFault(SifFaultKind.EndlessPages));

    /// <summary>The next paged queries answer the first page, whatever page is asked, and a count that never ends (<see cref="SifFaultKind.RepeatedPage"/>).</summary>
    public void RepeatedPage(string? operation, int count = 1) => Add(operation, count, new SifFault(SifFaultKind.RepeatedPage));

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    internal SifFault? TryTake(string service, string operation)
    {
        lock (gate)
        {
            var rule = rules.Find(r => r.Matches(service, operation));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                rules.Remove(rule);
            }

            return rule.Fault;
        }
    }

    private void Add(string? operation, int count, SifFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (operation is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        }

        lock (gate)
        {
            rules.Add(new Rule(operation, fault) { Remaining = count });
        }
    }

    private sealed class Rule(string? operation, SifFault fault)
    {
        public SifFault Fault { get; } = fault;

        public int Remaining { get; set; }

        public bool Matches(string service, string name) =>
            operation is null
            || string.Equals(operation, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(operation, service + "/" + name, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One fault as a call takes it.</summary>
internal sealed record SifFault(SifFaultKind Kind)
{
    public TimeSpan Delay { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public string? Message { get; init; }

    public string? Details { get; init; }
}
