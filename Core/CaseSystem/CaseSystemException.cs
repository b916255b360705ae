namespace Integration.Core.CaseSystem;

/// <summary>
/// The case system refused a call or could not answer it. <see cref="IsTransient"/> says whether
/// trying again later can help (a 5xx, a timeout, a connection failure) or not (a bad key, a 4xx,
/// a business error such as an unknown case). The message never holds the API key.
/// </summary>
public sealed class CaseSystemException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
