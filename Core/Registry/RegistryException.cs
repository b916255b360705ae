namespace Integration.Core.Registry;

/// <summary>
/// The register refused a request or could not answer it. <see cref="IsTransient"/> says whether trying
/// again later can help (429, 5xx, a timeout, a source behind the register down) or not (bad credentials,
/// a refused request). The message is ours and safe to log: it never holds the client secret or a token,
/// nor the register's own <c>detail</c>, which may repeat the number asked about; that is in
/// <see cref="Problem"/>, for the item's own record.
/// </summary>
public sealed class RegistryException(string message, bool isTransient, Exception? inner = null, RegistryProblem? problem = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;

    /// <summary>The register's problem document (RFC 7807), when it sent one.</summary>
    public RegistryProblem? Problem { get; } = problem;
}
