using System.Text.Json.Nodes;

namespace Integration.Core.Notifications;

/// <summary>
/// Our own check of a message before it is posted. A Workflows webhook answers 202 to anything and
/// the flow fails later, out of sight, so a card Teams would not show must never leave: the
/// envelope and the card's shape, version 1.5, the elements and actions the digest uses, https
/// links, every markdown position escaped, and the size limit.
/// </summary>
public static class CardCheck
{
    /// <summary>Teams takes a message of about 28 KB; the whole JSON body counts, in UTF-8.</summary>
    public const int MaxMessageBytes = 28 * 1024;

    private static readonly HashSet<string> Elements = ["TextBlock", "RichTextBlock", "Container", "FactSet", "ActionSet"];

    /// <returns>The problems found; empty when the message may be posted.</returns>
    public static IReadOnlyList<string> Problems(JsonObject message)
    {
        var problems = new List<string>();
        var bytes = DigestPosts.Bytes(message);
        if (bytes > MaxMessageBytes) problems.Add($"the message is {bytes} bytes; Teams takes at most {MaxMessageBytes}");
        if ((string?)message["type"] != "message") problems.Add("type must be 'message'");
        if (message["attachments"] is not JsonArray { Count: 1 } attachments)
        {
            problems.Add("the message must have exactly one attachment");
            return problems;
        }

        if ((string?)attachments[0]?["contentType"] != DigestCard.CardContentType) problems.Add($"the attachment's contentType must be {DigestCard.CardContentType}");
        if (attachments[0]?["content"] is not JsonObject card)
        {
            problems.Add("the attachment has no card");
            return problems;
        }

        if ((string?)card["type"] != "AdaptiveCard") problems.Add("the card's type must be AdaptiveCard");
        if ((string?)card["version"] != DigestCard.CardVersion) problems.Add($"the card's version must be {DigestCard.CardVersion}, what Teams renders");
        if (card["body"] is not JsonArray { Count: > 0 } body) problems.Add("the card's body must be a non-empty array");
        else CheckElements(body, "body", problems);
        return problems;
    }

    private static void CheckElements(JsonArray elements, string at, List<string> problems)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"{at}[{i}]";
            var element = elements[i] as JsonObject;
            var type = (string?)element?["type"];
            if (element is null || type is null || !Elements.Contains(type))
            {
                problems.Add($"{path}: '{type}' is not an element the digest uses");
                continue;
            }

            switch (type)
            {
                case "TextBlock":
                    Markdown(element["text"], $"{path}.text", problems);
                    break;
                case "FactSet":
                    FactSet(element, path, problems);
                    break;
                case "RichTextBlock":
                    RichTextBlock(element, path, problems);
                    break;
                case "Container":
                    if (element["items"] is JsonArray { Count: > 0 } items) CheckElements(items, $"{path}.items", problems);
                    else problems.Add($"{path}.items must be a non-empty array");
                    break;
                case "ActionSet":
                    if (element["actions"] is JsonArray { Count: > 0 } actions)
                    {
                        foreach (var action in actions.OfType<JsonObject>()) Action(action, $"{path}.actions", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.actions must be a non-empty array");
                    }

                    break;
            }
        }
    }

    private static void FactSet(JsonObject element, string path, List<string> problems)
    {
        if (element["facts"] is not JsonArray facts)
        {
            problems.Add($"{path}.facts must be an array");
            return;
        }

        foreach (var fact in facts)
        {
            Markdown(fact?["title"], $"{path}.facts.title", problems);
            Markdown(fact?["value"], $"{path}.facts.value", problems);
        }
    }

    private static void RichTextBlock(JsonObject element, string path, List<string> problems)
    {
        if (element["inlines"] is not JsonArray { Count: > 0 } inlines)
        {
            problems.Add($"{path}.inlines must be a non-empty array");
            return;
        }

        foreach (var run in inlines)
        {
            if ((string?)run?["type"] != "TextRun" || run["text"] is not JsonValue text || !text.TryGetValue<string>(out _)) problems.Add($"{path}.inlines: each must be a TextRun with text");
            else if (run["selectAction"] is JsonObject action) Action(action, $"{path}.inlines.selectAction", problems);
        }
    }

    private static void Markdown(JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text)) problems.Add($"{at} must be text");
        else if (!MarkdownEscape.IsEscaped(text)) problems.Add($"{at} is read as markdown by Teams and holds an unescaped character");
    }

    private static void Action(JsonObject action, string at, List<string> problems)
    {
        if ((string?)action["type"] != "Action.OpenUrl") problems.Add($"{at}: only Action.OpenUrl is used");
        else if (!Uri.TryCreate((string?)action["url"], UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps) problems.Add($"{at}.url must be an absolute https URL");
    }
}
