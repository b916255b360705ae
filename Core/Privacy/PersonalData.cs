namespace Integration.Core.Privacy;

/// <summary>Shows enough of personal data for a person to recognise it, never the whole.</summary>
public static class PersonalData
{
    /// <summary>The longest value a message quotes; a longer one is cut, so a reason always fits its row.</summary>
    public const int MaxQuoted = 100;

    /// <summary><c>anna.lindqvist@natverket.example</c> becomes <c>a***@natverket.example</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "(none)";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <summary>
    /// A value as a quarantine reason quotes it: in single quotes, cut at <see cref="MaxQuoted"/>
    /// characters, any personal identity number in it masked (<see cref="PersonalNumberMask"/>).
    /// Reasons go to the Quarantine table for the network to fix the item; logs get them through
    /// <see cref="RedactQuoted"/>, since a column may hold anything, a name included.
    /// </summary>
    public static string Quote(string? value)
    {
        value = PersonalNumberMask.Apply(value ?? "");
        return value.Length <= MaxQuoted ? $"'{value}'" : $"'{value[..MaxQuoted]}…' ({value.Length} characters)";
    }

    /// <summary>
    /// A reason fit for a log line: everything from its first quote to its last is replaced, so a
    /// quoted value that holds quotes of its own cannot leak a part; and a personal identity number
    /// outside the quotes (a reason may show one masked, <c>YYMMDD-****</c>, for the network to find
    /// the item) is left out whole, since even its birth date is personal data.
    /// </summary>
    public static string RedactQuoted(string reason)
    {
        var first = reason.IndexOf('\'');
        var last = reason.LastIndexOf('\'');
        var redacted = first >= 0 && last > first ? string.Concat(reason.AsSpan(0, first), "'…'", reason.AsSpan(last + 1)) : reason;
        return PersonalNumberMask.Hide(redacted);
    }
}
