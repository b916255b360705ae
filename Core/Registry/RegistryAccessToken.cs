namespace Integration.Core.Registry;

/// <summary>An OAuth2 access token and the instant after which it is fetched anew, a little before it expires.</summary>
public sealed record RegistryAccessToken(string Value, DateTimeOffset RefreshAfter)
{
    /// <summary>Never the token itself: a record's generated form would print it.</summary>
    public override string ToString() => $"access token, refreshed after {RefreshAfter:O}";
}
