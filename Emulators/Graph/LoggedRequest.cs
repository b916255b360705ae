namespace Integration.Emulators.Graph;

/// <summary>One request the stand-in answered. <see cref="PathAndQuery"/> is percent-decoded (<c>$top</c>, not <c>%24top</c>).</summary>
public sealed record LoggedRequest(string Method, string PathAndQuery, int Status, DateTimeOffset Time)
{
    public RequestKind Kind { get; init; }
}
