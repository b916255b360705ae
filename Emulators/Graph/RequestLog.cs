namespace Integration.Emulators.Graph;

/// <summary>Every request the stand-in answered, in the order responses started; thread-safe.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<LoggedRequest> requests = [];

    public IReadOnlyList<LoggedRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>How many requests had this method and a decoded path-and-query containing the text.</summary>
    public int Count(string method, string pathContains)
    {
        lock (gate)
        {
            return requests.Count(r =>
                string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                && r.PathAndQuery.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The requests so far by kind, for benchmarks that count what a sync costs SharePoint.</summary>
    public RequestCounts CountByKind()
    {
        lock (gate)
        {
            return RequestCounts.Of(requests.Select(r => r.Kind));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    internal void Add(LoggedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }
}
