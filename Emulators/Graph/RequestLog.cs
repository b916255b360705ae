namespace Integration.Emulators.Graph;

/// <summary>Every request the stand-in answered, in the order responses started; thread-safe.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<LoggedRequest> requests = [];
    private long downloadedBytes;

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
            return RequestCounts.Of(requests);
        }
    }

    /// <summary>
    /// Files asked for (<c>GET …/content</c> that was answered with its redirect) and the bytes the download URL
    /// sent in full, since the start or the last <see cref="Clear"/>.
    /// </summary>
    public DownloadCounts Downloads
    {
        get
        {
            lock (gate)
            {
                return new DownloadCounts(requests.Count(IsContentRequest), downloadedBytes);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
            downloadedBytes = 0;
        }
    }

    internal void AddDownloadedBytes(long bytes)
    {
        lock (gate)
        {
            downloadedBytes += bytes;
        }
    }

    private static bool IsContentRequest(LoggedRequest request)
    {
        var path = request.PathAndQuery;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return request.Status < 400
            && string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase)
            && (query < 0 ? path : path[..query]).EndsWith("/content", StringComparison.OrdinalIgnoreCase);
    }

    internal void Add(LoggedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }
}
