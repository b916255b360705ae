namespace Integration.Emulators.Registry;

/// <summary>How a <see cref="BolagsverketStandIn"/> listens, how long its tokens live and how many lookups a minute it takes.</summary>
public sealed class BolagsverketStandInOptions
{
    /// <summary>Loopback port to bind; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Clock for token expiry and the rate limit.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What <c>expires_in</c> says, and when the API starts refusing the token.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Lookups taken in any 60 seconds before the next gets 429 with <c>Retry-After</c>; null for no limit.
    /// Bolagsverket allows about 60.
    /// </summary>
    public int? RequestsPerMinute { get; init; }
}
