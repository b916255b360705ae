namespace Integration.Emulators.CaseSystem;

/// <summary>How a <see cref="SifStandIn"/> listens, numbers new cases and pages its answers.</summary>
public sealed class SifStandInOptions
{
    /// <summary>Loopback port to bind; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Clock for created and changed stamps and for the year in new case numbers.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The board prefix of case numbers that <c>CreateCase</c> hands out, as in <c>AMN 2025-0001</c>.</summary>
    public string CaseNumberPrefix { get; init; } = "AMN";

    /// <summary>Page size when <c>MaxReturnedCases</c> or <c>MaxReturnedDocuments</c> is missing or not positive.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>
    /// Largest request body Kestrel takes. Files travel base64 inside the JSON, a third larger than the file,
    /// so the default leaves room for a 100 MB meeting note.
    /// </summary>
    public long MaxRequestBodyBytes { get; init; } = 256L * 1024 * 1024;
}
