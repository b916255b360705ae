using System.Globalization;
using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>
/// One person's notification for the night, as the Teams activity feed shows it: the Actor+Reason
/// line (<see cref="Reason"/>, the free text of the reserved <c>systemDefault</c> activity type),
/// a preview of which Teams shows the first 150 characters, the topic line, and where a click
/// goes: the most urgent item in SharePoint. The feed shows plain text, so titles stand as typed.
/// </summary>
public sealed record PersonalNotice(string Reason, string Preview, string Topic, Uri WebUrl, IReadOnlyList<string> EventIds)
{
    /// <summary>What Teams shows of the preview.</summary>
    public const int MaxPreviewLength = 150;

    /// <summary>The Actor+Reason line is one line in the feed; a long title is cut well before that.</summary>
    public const int MaxReasonLength = 120;

    /// <summary>The events in the order a reader should meet them: escalated first, then the latest, then what is coming.</summary>
    public static IReadOnlyList<(NotificationMessage Event, Uri? Link)> Ordered(IEnumerable<(NotificationMessage Event, Uri? Link)> items) =>
        items.OrderByDescending(i => EscalationSteps.Of(i.Event))
            .ThenByDescending(i => i.Event.PlanItem?.DaysOverdue ?? int.MinValue)
            .ThenBy(i => i.Event.Title, StringComparer.Ordinal)
            .ToList();

    /// <returns>Null when no event has a link: the feed needs a place for the click to go.</returns>
    public static PersonalNotice? Build(IReadOnlyCollection<(NotificationMessage Event, Uri? Link)> items)
    {
        var ordered = Ordered(items);
        if (ordered.Count == 0 || ordered.FirstOrDefault(i => i.Link is not null).Link is not { } link) return null;

        var lines = ordered.Select(i => Line(i.Event)).ToList();
        var reason = ordered.Count == 1
            ? lines[0]
            : ordered.All(i => i.Event.PlanItem is not null)
                ? string.Create(CultureInfo.InvariantCulture, $"{ordered.Count} aktiviteter i handlingsplanen behöver din uppmärksamhet")
                : string.Create(CultureInfo.InvariantCulture, $"{ordered.Count} händelser i nätverket behöver din uppmärksamhet");
        return new PersonalNotice(
            Clip(reason, MaxReasonLength),
            Clip(string.Join(" · ", lines), MaxPreviewLength),
            DigestCard.Heading,
            link,
            ordered.Select(i => i.Event.EventId).ToList());
    }

    /// <summary>"Försenad 3 dagar: Titel", in the steps' words.</summary>
    public static string Line(NotificationMessage message)
    {
        var title = string.IsNullOrWhiteSpace(message.Title) ? $"(utan titel, id {message.ItemId})" : message.Title.Trim();
        var days = message.PlanItem?.DaysOverdue ?? 0;
        var label = EscalationSteps.Of(message) switch
        {
            EscalationStep.Escalated => "Eskalerad, försenad " + SwedishDates.Days(days),
            EscalationStep.Overdue => "Försenad " + SwedishDates.Days(days),
            EscalationStep.DueSoon => days == 0 ? "Förfaller i dag" : "Förfaller om " + SwedishDates.Days(-days),
            _ => message.Event switch
            {
                NotificationEvents.MeetingNoteAdded => "Ny minnesanteckning",
                NotificationEvents.RegisterWarning => "Varning i registret",
                NotificationEvents.DataProblemFound => "Att rätta",
                NotificationEvents.AssignmentEditReverted => "Återställd ändring",
                _ => "Händelse",
            },
        };
        return $"{label}: {title}";
    }

    private static string Clip(string text, int max) =>
        text.Length > max ? string.Concat(text.AsSpan(0, max - 1), "…") : text;
}
