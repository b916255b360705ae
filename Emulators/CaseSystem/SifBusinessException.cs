namespace Integration.Emulators.CaseSystem;

/// <summary>
/// A call SIF refuses on its merits (no such case, an unknown code, a missing title). It is answered as
/// SIF answers it: HTTP 200 with <c>Successful: false</c>, this message as <c>ErrorMessage</c> and
/// <see cref="Details"/> as <c>ErrorDetails</c>.
/// </summary>
public sealed class SifBusinessException : Exception
{
    public SifBusinessException()
    {
    }

    public SifBusinessException(string message)
        : base(message)
    {
    }

    public SifBusinessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SifBusinessException(string message, string? details)
        : base(message)
    {
        Details = details;
    }

    public string? Details { get; }
}
