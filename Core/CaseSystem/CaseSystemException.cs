namespace Integration.Core.CaseSystem;

/// <summary>
/// The case system refused a call or could not answer it. <see cref="IsTransient"/> says whether
/// trying again later can help (a 5xx, a timeout, a connection failure) or not (a bad key, a 4xx,
/// a business error such as an unknown case). The message is ours and safe to log: it never holds
/// the API key, nor the case system's own words, which may name people (a case officer, say);
/// those are in <see cref="ServerMessage"/>, to be stored with the item and not logged.
/// </summary>
public sealed class CaseSystemException(string message, bool isTransient, Exception? inner = null, string? serverMessage = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;

    /// <summary>What the case system said (SIF's <c>ErrorMessage</c>), verbatim; not for logs.</summary>
    public string? ServerMessage { get; } = serverMessage;

    /// <summary>The message with the case system's words, for the item's own record (a version row's <c>LastError</c>).</summary>
    public string FullMessage => ServerMessage is null ? Message : $"{Message} It said: {ServerMessage}";
}
