namespace Integration.Core.Notifications;

/// <summary>A person's Teams activity feed: where their personal notification goes.</summary>
public interface IActivityFeed
{
    /// <summary>Sends one notification; returns when Graph accepted it (204).</summary>
    /// <param name="userPrincipalName">The person's sign-in name; personal data, never logged.</param>
    /// <exception cref="ActivityFeedRefusedException">Graph refused it for this person (the app is not installed for them, no such user).</exception>
    /// <exception cref="TeamsPostException">The notification itself was refused (not transient), or Graph kept failing past the retries (transient).</exception>
    Task SendAsync(string userPrincipalName, PersonalNotice notice, CancellationToken ct);
}

/// <summary>
/// Graph refused a notification for one person: 403 (our Teams app is not installed for them, or
/// the app may not notify them), 404 (no such user) or 409 (the app is installed in more than one
/// way for them). Nothing another try would change; the others still get theirs.
/// </summary>
public sealed class ActivityFeedRefusedException(int status, string? code)
    : Exception($"Graph refused the personal notification with {status}{(code is null ? "" : $" ({code})")}.")
{
    public int Status { get; } = status;

    /// <summary>Graph's error code, e.g. <c>Forbidden</c>; its message is left out, it may quote the address.</summary>
    public string? Code { get; } = code;
}
