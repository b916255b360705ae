namespace Integration.Emulators.Registry;

/// <summary>
/// One call the stand-in took: the path (<c>/oauth2/token</c>, <c>/organisationer</c>), the status sent,
/// the identitetsbeteckning as sent (null for a token call), the X-Request-Id, and when.
/// </summary>
public sealed record BolagsverketLoggedRequest(string Path, int Status, string? Identity, string? RequestId, DateTimeOffset Received);

/// <summary>Every call, in the order answered; thread-safe.</summary>
public sealed class BolagsverketRequestLog
{
    private readonly Lock gate = new();
    private readonly List<BolagsverketLoggedRequest> requests = [];

    public IReadOnlyList<BolagsverketLoggedRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Calls to the token endpoint.</summary>
    public int TokenRequests => Count(BolagsverketStandIn.TokenPath);

    /// <summary>Calls to <c>/organisationer</c>, refused ones included.</summary>
    public int Lookups => Count(BolagsverketStandIn.OrganisationerPath);

    public int Count(string path)
    {
        lock (gate)
        {
            return requests.Count(r => r.Path == path);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    internal void Add(BolagsverketLoggedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }
}
