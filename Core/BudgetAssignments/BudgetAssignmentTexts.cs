using Integration.Core.Notifications;

namespace Integration.Core.BudgetAssignments;

/// <summary>The budget assignments' Swedish texts: the list's column names as people see them, and the notice of an edit put back.</summary>
public static class BudgetAssignmentTexts
{
    /// <summary>The columns' Swedish display names, as <c>provision</c> creates them and the texts name them.</summary>
    public static string Column(string column) => column switch
    {
        BudgetAssignmentColumns.DiaryNumber => "Diarienummer",
        BudgetAssignmentColumns.Title => "Titel",
        BudgetAssignmentColumns.BudgetYear => "Budgetår",
        BudgetAssignmentColumns.ResponsibleBoard => "Ansvarig nämnd",
        BudgetAssignmentColumns.Partners => "Samverkansparter",
        BudgetAssignmentColumns.Deadline => "Slutdatum",
        BudgetAssignmentColumns.Status => "Status",
        BudgetAssignmentColumns.LastActivity => "Senaste aktivitet",
        BudgetAssignmentColumns.CaseLink => "Ärende",
        BudgetAssignmentColumns.Comment => "Kommentar",
        _ => column,
    };

    /// <summary>
    /// An edit of columns the case system owns, put back: which columns (never their values), and
    /// where the change belongs instead. The event id names the item and what the edit wrote, so a
    /// rerun of the night tells it once and a later edit again.
    /// </summary>
    public static NotificationMessage Reverted(string itemId, string? title, string? diaryNumber, IReadOnlyList<string> columns, string editKey, DateTimeOffset now)
    {
        var facts = new List<NotificationFact> { new("Kolumner", string.Join(", ", columns.Select(Column))) };
        if (diaryNumber is { Length: > 0 }) facts.Add(new("Diarienummer", diaryNumber));
        facts.Add(new("Varför", "Ärendesystemet äger de här kolumnerna, så ändringen skrevs över. Ändra i ärendet i stället, eller skriv i kolumnen Kommentar."));
        return new NotificationMessage(
            EventId: $"{BudgetAssignmentsModule.Source}:{itemId}:{NotificationEvents.AssignmentEditReverted}:{editKey}",
            Event: NotificationEvents.AssignmentEditReverted,
            Source: BudgetAssignmentsModule.Source,
            ItemId: itemId,
            Title: string.IsNullOrWhiteSpace(title) ? $"Budgetuppdrag, rad {itemId}" : title,
            RecipientLookupId: null,
            Facts: facts,
            WebUrl: null,
            DetectedAt: now);
    }
}
