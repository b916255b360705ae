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

    /// <summary>
    /// A paged query (<c>GetCases</c>, <c>GetDocuments</c>) is carried out, but its <c>TotalPageCount</c> is always one
    /// more than the page asked for: it grows with every page and never ends, past the last record too.
    /// </summary>
    EndlessPages,

    /// <summary>As <see cref="EndlessPages"/>, and every page asked for is answered with the first one: the query ignores <c>Page</c>.</summary>
    RepeatedPage,
}
