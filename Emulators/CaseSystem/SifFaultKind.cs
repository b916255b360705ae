namespace Integration.Emulators.CaseSystem;

/// <summary>The ways <see cref="SifFaults"/> can make a call go wrong.</summary>
public enum SifFaultKind
{
    /// <summary>The call is held before it is carried out; it is carried out even if the caller has given up.</summary>
    Slow,

    /// <summary>HTTP 500 with ASP.NET Web API's <c>{"Message":"An error has occurred."}</c>; nothing is done.</summary>
    ServerError,

    /// <summary>HTTP 503 with the web server's HTML page, as when the application pool is down; nothing is done.</summary>
    Unavailable,

    /// <summary>HTTP 200 with <c>Successful: false</c> and the given message; nothing is done.</summary>
    BusinessError,

    /// <summary>The call is carried out, then the connection is dropped before any answer is sent.</summary>
    LostAnswer,
}
