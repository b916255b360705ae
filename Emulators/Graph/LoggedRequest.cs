namespace Integration.Emulators.Graph;

/// <summary>One request the stand-in answered. <see cref="PathAndQuery"/> is percent-decoded (<c>$top</c>, not <c>%24top</c>).</summary>
public sealed record LoggedRequest(string Method, string PathAndQuery, int Status, DateTimeOffset Time)
{
    public RequestKind Kind { get; init; }

    /// <summary>The request id of the <c>$batch</c> envelope this operation arrived in; null for a request of its own on the wire.</summary>
    public string? BatchId { get; init; }

    /// <summary>Whether the operation arrived inside a <c>$batch</c> envelope rather than as a request of its own.</summary>
    public bool InBatch => BatchId is not null;

    /// <summary>
    /// The SharePoint resource units the operation was charged (see <see cref="ResourceUnitBudget"/>): 0 for an
    /// envelope, a download from the pre-authenticated URL, and an operation answered 429/503 by the budget or
    /// an injected fault instead of being served.
    /// </summary>
    public int ResourceUnits { get; init; }
}
