namespace Integration.Emulators.CaseSystem;

/// <summary>
/// One call the stand-in took. <see cref="Status"/> is the HTTP status sent, 0 when the answer was lost;
/// <see cref="Successful"/> is the body's <c>Successful</c> (null where the body has none, such as a 401).
/// <see cref="KeyInQuery"/> tells that the key came as <c>?authkey=</c>, where it ends up in access logs.
/// </summary>
public sealed record SifLoggedRequest(
    string Service,
    string Operation,
    int Status,
    bool? Successful,
    string? ErrorMessage,
    SifFaultKind? Fault,
    bool KeyInQuery,
    DateTimeOffset Received)
{
    /// <summary>Bodies up to this size are kept in <see cref="Body"/>; larger ones (files) are not.</summary>
    public const int KeptBodyBytes = 64 * 1024;

    /// <summary>The request's JSON as sent, when it was at most <see cref="KeptBodyBytes"/>: what a query asked for (<c>LastDate</c>, <c>Page</c>, …).</summary>
    public string? Body { get; init; }
}

/// <summary>Every call the stand-in took, in the order their answers were decided; thread-safe.</summary>
public sealed class SifRequestLog
{
    private readonly Lock gate = new();
    private readonly List<SifLoggedRequest> requests = [];

    public IReadOnlyList<SifLoggedRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>How many calls went to an operation, named as <c>CreateDocument</c> or <c>DocumentService/CreateDocument</c>.</summary>
    public int Count(string operation)
    {
        lock (gate)
        {
            return requests.Count(r =>
                string.Equals(r.Operation, operation, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.Service + "/" + r.Operation, operation, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    internal void Add(SifLoggedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }
}
