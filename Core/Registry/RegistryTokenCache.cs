namespace Integration.Core.Registry;

/// <summary>
/// Keeps the registry's access token until shortly before it expires, so a night of lookups asks the token
/// endpoint once, not once a lookup. One fetch at a time: callers that find no valid token wait for the one
/// fetch under way. A singleton; the fetch itself is the caller's (<see cref="RegistryTokenClient"/>).
/// </summary>
public sealed class RegistryTokenCache(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private RegistryAccessToken? _current;

    public async Task<RegistryAccessToken> GetAsync(Func<CancellationToken, Task<RegistryAccessToken>> fetch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (Valid(Volatile.Read(ref _current)) is { } cached) return cached;

        await _fetching.WaitAsync(ct);
        try
        {
            if (Valid(_current) is { } fetchedMeanwhile) return fetchedMeanwhile;
            var token = await fetch(ct);
            Volatile.Write(ref _current, token);
            return token;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (the API refused it), unless a newer one has replaced it already.</summary>
    public void Invalidate(RegistryAccessToken token) => Interlocked.CompareExchange(ref _current, null, token);

    public void Dispose() => _fetching.Dispose();

    private RegistryAccessToken? Valid(RegistryAccessToken? token) => token is not null && clock.GetUtcNow() < token.RefreshAfter ? token : null;
}
