using Microsoft.Extensions.Options;

namespace Integration.Core.MeetingNotes;

/// <summary>What the meeting-notes library may hold (section <c>MeetingNotes</c>).</summary>
public sealed class MeetingNotesOptions
{
    public const string Section = "MeetingNotes";

    /// <summary>File types taken, <c>;</c>-separated, compared case-insensitively.</summary>
    public string AllowedExtensions { get; set; } = ".docx;.pdf;.odt";

    /// <summary>Larger files go to quarantine, unread. 100 MB by default.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    public IReadOnlyList<string> Extensions =>
        AllowedExtensions.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class MeetingNotesOptionsValidator : IValidateOptions<MeetingNotesOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetingNotesOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFileBytes <= 0) failures.Add($"MeetingNotes__MaxFileBytes must be a positive number of bytes; got {options.MaxFileBytes}.");
        if (options.Extensions.Count == 0 || options.Extensions.Any(e => e.Length < 2 || e[0] != '.'))
        {
            failures.Add($"MeetingNotes__AllowedExtensions must list file types such as .docx;.pdf;.odt; got '{options.AllowedExtensions}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
