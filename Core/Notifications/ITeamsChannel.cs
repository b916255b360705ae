namespace Integration.Core.Notifications;

/// <summary>The network's Teams channel: where the nightly digest is posted.</summary>
public interface ITeamsChannel
{
    /// <summary>Posts one message; returns when Teams accepted it.</summary>
    /// <exception cref="TeamsPostException">Teams refused it, or kept failing past the retries.</exception>
    Task PostAsync(DigestPost post, CancellationToken ct);
}

/// <summary>
/// A post that did not go through. <see cref="IsTransient"/> false means the message itself was
/// refused (a 4xx other than 429): retrying the same message will not help, and it ends in the
/// poison queue with this reason. Never carries the webhook URL.
/// </summary>
public sealed class TeamsPostException(string message, int? status, bool isTransient) : Exception(message)
{
    public int? Status { get; } = status;

    public bool IsTransient { get; } = isTransient;
}
