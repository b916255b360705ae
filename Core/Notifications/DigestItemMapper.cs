using System.Globalization;
using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>Turns a queued event into what the digest shows, in Swedish.</summary>
public static class DigestItemMapper
{
    /// <param name="ownerName">The owner's display name from the site's User Information List, when known.</param>
    /// <param name="link">Where the item opens in SharePoint: the event's own link, or one built from the list.</param>
    public static DigestItem ToItem(NotificationMessage message, string? ownerName, Uri? link)
    {
        var section = message.Event switch
        {
            NotificationEvents.PlanItemOverdue => DigestSection.Overdue,
            NotificationEvents.PlanItemDueSoon => DigestSection.DueSoon,
            NotificationEvents.MeetingNoteAdded => DigestSection.MeetingNotes,
            NotificationEvents.RegisterWarning => DigestSection.RegisterWarnings,
            NotificationEvents.DataProblemFound => DigestSection.DataProblems,
            NotificationEvents.DataProblemReminder => DigestSection.ProblemReminders,
            NotificationEvents.AssignmentEditReverted => DigestSection.RevertedEdits,
            _ => DigestSection.Other,
        };
        var facts = message.PlanItem is { } plan ? PlanItemFacts(plan, ownerName) : OtherFacts(message.Facts, ownerName);
        var title = string.IsNullOrWhiteSpace(message.Title) ? $"(utan titel, id {message.ItemId})" : message.Title;
        return new DigestItem(message.EventId, section, DigestItem.Clip(title), facts, link, message.PlanItem?.DaysOverdue ?? 0);
    }

    /// <summary>A link the card may show: absolute https only, so no other scheme reaches a click.</summary>
    public static Uri? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;

    private static List<NotificationFact> PlanItemFacts(PlanItemNotice plan, string? ownerName)
    {
        var facts = new List<NotificationFact>();
        if (!string.IsNullOrWhiteSpace(plan.ResponsibleBody)) facts.Add(new("Ansvarig", DigestItem.Clip(plan.ResponsibleBody)));
        if (!string.IsNullOrWhiteSpace(ownerName)) facts.Add(new("Ägare", DigestItem.Clip(ownerName)));
        facts.Add(new("Slutdatum", SwedishDates.Format(plan.DueDate)));
        facts.Add(plan.DaysOverdue switch
        {
            > 0 => new("Försenad", SwedishDates.Days(plan.DaysOverdue)),
            0 => new("Förfaller", "i dag"),
            _ => new("Förfaller", "om " + SwedishDates.Days(-plan.DaysOverdue)),
        });
        // The third step, shown where the reader looks for how late the item is.
        if (plan.EscalatedAfterDays is { } days) facts.Add(new("Eskalerad", $"till samordnaren (försenad mer än {SwedishDates.Days(days)})"));
        if (!string.IsNullOrWhiteSpace(plan.CaseNumber)) facts.Add(new("Diarienummer", DigestItem.Clip(plan.CaseNumber)));
        return facts;
    }

    private static List<NotificationFact> OtherFacts(IReadOnlyList<NotificationFact> given, string? ownerName)
    {
        var facts = given
            .Where(f => !string.IsNullOrWhiteSpace(f.Label) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new NotificationFact(DigestItem.Clip(f.Label), DigestItem.Clip(IsoDateInSwedish(f.Value))))
            .ToList();
        if (!string.IsNullOrWhiteSpace(ownerName)) facts.Add(new("Ägare", DigestItem.Clip(ownerName)));
        return facts;
    }

    /// <summary>A fact that is an ISO date (a meeting date, say) reads as Swedish prose.</summary>
    private static string IsoDateInSwedish(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? SwedishDates.Format(date) : value;
}
