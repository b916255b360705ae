using System.Globalization;
using System.Text.Json.Nodes;

namespace Integration.Core.Notifications;

/// <summary>
/// The channel digest as a Teams message: one Adaptive Card 1.5 (what Teams renders), a heading
/// with the night's date, then a section per kind of event. Text from SharePoint is placed only in
/// <c>TextRun</c>s, where Teams reads no markdown, mentions or links; the few <c>TextBlock</c>s hold
/// our own words, escaped all the same (<see cref="MarkdownEscape"/>).
/// </summary>
public static class DigestCard
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardVersion = "1.5";
    public const string Heading = "Handlingsplanen för arbetsintegrerande sociala företag";

    public static string SectionTitle(DigestSection section) => section switch
    {
        DigestSection.Overdue => "Försenade aktiviteter",
        DigestSection.DueSoon => "Aktiviteter som förfaller snart",
        DigestSection.DataProblems => "Att rätta i SharePoint",
        DigestSection.ProblemReminders => "Påminnelse: fortfarande att rätta efter en vecka",
        DigestSection.MeetingNotes => "Nya minnesanteckningar",
        DigestSection.RegisterWarnings => "Varningar i registret över sociala företag",
        DigestSection.RevertedEdits => "Återställda ändringar",
        _ => "Övrigt",
    };

    /// <summary>The whole message a Workflows webhook takes: <c>{"type":"message","attachments":[…]}</c>.</summary>
    /// <param name="part">1-based; with <paramref name="parts"/> above 1 the heading says which part this is.</param>
    public static JsonObject Message(DateOnly night, IReadOnlyList<DigestItem> items, int part = 1, int parts = 1) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = CardContentType,
            ["contentUrl"] = null,
            ["content"] = Card(night, items, part, parts),
        }),
    };

    private static JsonObject Card(DateOnly night, IReadOnlyList<DigestItem> items, int part, int parts)
    {
        var body = new JsonArray
        {
            TextBlock(Heading, ("size", "Large"), ("weight", "Bolder"), ("style", "heading")),
            TextBlock(SwedishDates.Format(night), ("isSubtle", true), ("spacing", "None")),
        };
        if (parts > 1) body.Add(TextBlock(string.Create(CultureInfo.InvariantCulture, $"Del {part} av {parts}"), ("isSubtle", true), ("spacing", "None")));

        foreach (var section in items.GroupBy(i => i.Section).OrderBy(g => g.Key))
        {
            var sectionItems = new JsonArray
            {
                TextBlock(string.Create(CultureInfo.InvariantCulture, $"{SectionTitle(section.Key)}: {section.Count()}"),
                    ("size", "Medium"), ("weight", "Bolder"), ("color", section.Key == DigestSection.Overdue ? "Attention" : "Default")),
            };
            foreach (var item in section.OrderByDescending(i => i.Order).ThenBy(i => i.Title, StringComparer.Ordinal)) sectionItems.Add(Item(item));
            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Large", ["items"] = sectionItems });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = CardVersion,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
    }

    private static JsonObject Item(DigestItem item)
    {
        var lines = new JsonArray { Runs(null, Run(item.Title, ("weight", "Bolder"))) };
        foreach (var fact in item.Facts) lines.Add(Runs("None", Run(fact.Label + ": ", ("isSubtle", true)), Run(fact.Value)));
        if (item.Link is { } link)
        {
            var open = Run("Öppna i SharePoint", ("color", "Accent"), ("underline", true));
            open["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = link.AbsoluteUri, ["title"] = "Öppna i SharePoint" };
            lines.Add(Runs("Small", open));
        }

        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = lines };
    }

    /// <summary>Our own words, in a TextBlock (which reads markdown), escaped by the rule.</summary>
    private static JsonObject TextBlock(string text, params (string Name, JsonNode? Value)[] style)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = MarkdownEscape.Escape(text), ["wrap"] = true };
        foreach (var (name, value) in style) block[name] = value;
        return block;
    }

    private static JsonObject Runs(string? spacing, params JsonObject[] runs)
    {
        var block = new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(runs) };
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    /// <summary>Text shown as it is: a TextRun reads no markdown.</summary>
    private static JsonObject Run(string text, params (string Name, JsonNode? Value)[] style)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        foreach (var (name, value) in style) run[name] = value;
        return run;
    }
}
