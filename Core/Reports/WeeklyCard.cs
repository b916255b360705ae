using System.Globalization;
using System.Text.Json.Nodes;
using Integration.Core.Notifications;

namespace Integration.Core.Reports;

/// <summary>
/// "Veckans läge": the week's key figures as one Adaptive Card in the network's channel, with a link
/// to the report in SharePoint. Built as the digest's cards are (<see cref="DigestCard"/>): every text
/// is our own words and numbers, escaped by <see cref="MarkdownEscape"/> where Teams reads markdown,
/// and the message is checked by <see cref="CardCheck"/> before it is sent.
/// </summary>
public static class WeeklyCard
{
    public const string Heading = "Veckans läge";

    public static JsonObject Message(StatusReportModel model, string? reportUrl) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = DigestCard.CardContentType,
            ["contentUrl"] = null,
            ["content"] = Card(model, reportUrl),
        }),
    };

    /// <summary>The key figures, each a label, a value and (for the four with a traffic light) its word.</summary>
    public static IReadOnlyList<(string Label, string Value)> Figures(StatusReportModel model)
    {
        var h = model.Headline;
        return
        [
            ("Mål uppnådda", h.GoalsTotal == 0 ? "inga mål med indikator" : $"{h.GoalsMet} av {h.GoalsTotal} ({ReportTexts.Word(ReportLights.Goals(h))})"),
            ("Försenade aktiviteter", $"{h.Overdue}, {ReportTexts.Change(h.Overdue, h.OverdueLastWeek)} ({ReportTexts.Word(ReportLights.Overdue(h))})"),
            ("Slutdatum inom 14 dagar", h.DueSoon.ToString(CultureInfo.InvariantCulture)),
            ("Öppna dataproblem", $"{h.OpenDataProblems} ({ReportTexts.Word(ReportLights.DataProblems(h))})"),
            ("Aktiva avtal", $"{h.ActiveAgreements} ({ReportTexts.Word(ReportLights.Agreements(h))})"),
            ($"Avtalens årsvärde {h.Year}", ReportTexts.Kronor(h.AgreementsValueThisYear)),
        ];
    }

    /// <summary>The card as plain text, as the demo shows it.</summary>
    public static string AsText(StatusReportModel model, string? reportUrl)
    {
        var lines = new List<string> { $"{Heading} – {model.Week.SwedishLabel}", ReportTexts.Period(model.Week) };
        lines.AddRange(Figures(model).Select(f => $"  {f.Label}: {f.Value}"));
        if (reportUrl is not null) lines.Add($"  [Öppna lägesrapporten] {reportUrl}");
        return string.Join(Environment.NewLine, lines);
    }

    private static JsonObject Card(StatusReportModel model, string? reportUrl)
    {
        var facts = new JsonArray();
        foreach (var (label, value) in Figures(model))
        {
            facts.Add(new JsonObject { ["title"] = MarkdownEscape.Escape(label), ["value"] = MarkdownEscape.Escape(value) });
        }

        var body = new JsonArray
        {
            TextBlock($"{Heading} – {model.Week.SwedishLabel}", ("size", "Large"), ("weight", "Bolder"), ("style", "heading")),
            TextBlock(ReportTexts.PlanName, ("isSubtle", true), ("spacing", "None")),
            TextBlock(ReportTexts.Period(model.Week), ("isSubtle", true), ("spacing", "None")),
            new JsonObject { ["type"] = "FactSet", ["separator"] = true, ["facts"] = facts },
        };
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = DigestCard.CardVersion,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (reportUrl is not null && Uri.TryCreate(reportUrl, UriKind.Absolute, out var url))
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Öppna lägesrapporten", ["url"] = url.AbsoluteUri });
        }

        return card;
    }

    private static JsonObject TextBlock(string text, params (string Name, JsonNode? Value)[] style)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = MarkdownEscape.Escape(text), ["wrap"] = true };
        foreach (var (name, value) in style) block[name] = value;
        return block;
    }
}
