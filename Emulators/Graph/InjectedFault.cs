namespace Integration.Emulators.Graph;

/// <summary>The error a request gets instead of service; <see cref="RetryAfterSeconds"/> is set for throttling.</summary>
internal sealed record InjectedFault(int Status, string Code, string Message, int? RetryAfterSeconds);
