namespace Integration.Core.Privacy;

/// <summary>Shows enough of personal data for a person to recognise it, never the whole.</summary>
public static class PersonalData
{
    /// <summary><c>anna.lindqvist@natverket.example</c> becomes <c>a***@natverket.example</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "(none)";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
