using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>The parts of a digest, in the order a reader meets them.</summary>
public enum DigestSection
{
    Overdue,
    DueSoon,
    DataProblems,
    ProblemReminders,
    MeetingNotes,
    RegisterWarnings,
    RevertedEdits,
    Other,
}

/// <summary>
/// One event as the channel digest shows it. Every text here may come from SharePoint: the card
/// puts it into TextRuns, where Teams reads no markdown.
/// </summary>
/// <param name="Facts">Label and value pairs, in display order.</param>
/// <param name="Link">The item in SharePoint; https only, or none.</param>
/// <param name="Order">Within a section, larger first (days overdue for an overdue item).</param>
public sealed record DigestItem(string EventId, DigestSection Section, string Title, IReadOnlyList<NotificationFact> Facts, Uri? Link, int Order = 0)
{
    /// <summary>Longer text is cut here: a card is read at a glance, and the whole text is one click away.</summary>
    public const int MaxTextLength = 300;

    public static string Clip(string text) =>
        text.Length > MaxTextLength ? string.Concat(text.AsSpan(0, MaxTextLength), "…") : text;
}
