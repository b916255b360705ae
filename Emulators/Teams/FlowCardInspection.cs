using System.Text.Json.Nodes;

namespace Integration.Emulators.Teams;

/// <summary>
/// What the "Post card in a chat or channel" action would fail on, after the webhook has already
/// answered 202: the message envelope, the Adaptive Card's shape and version (Teams renders up to
/// 1.5), and the size limit. The stand-in records these problems; it never refuses for them.
/// </summary>
internal static class FlowCardInspection
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>About 28 KB for the whole message, as Teams documents for bots and workflows.</summary>
    public const int MaxMessageBytes = 28 * 1024;

    private static readonly HashSet<string> Elements =
    [
        "TextBlock", "RichTextBlock", "Image", "Media", "Container", "ColumnSet", "FactSet", "ImageSet", "ActionSet", "Table",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    ];

    private static readonly HashSet<string> Actions = ["Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"];

    public static IReadOnlyList<string> Inspect(string body, JsonNode? json)
    {
        var problems = new List<string>();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(body);
        if (bytes > MaxMessageBytes) problems.Add($"message is {bytes} bytes; Teams takes about {MaxMessageBytes}");
        if (json is not JsonObject message)
        {
            problems.Add("body is not a JSON object");
            return problems;
        }

        if ((string?)message["type"] != "message") problems.Add("type must be 'message'");
        if (message["attachments"] is not JsonArray { Count: > 0 } attachments)
        {
            problems.Add("attachments must be a non-empty array");
            return problems;
        }

        foreach (var (attachment, index) in attachments.Select((a, i) => (a, i)))
        {
            var at = $"attachments[{index}]";
            if ((string?)attachment?["contentType"] != CardContentType) problems.Add($"{at}.contentType must be '{CardContentType}'");
            if (attachment?["content"] is not JsonObject card)
            {
                problems.Add($"{at}.content must be an Adaptive Card object");
                continue;
            }

            InspectCard(card, $"{at}.content", problems);
        }

        return problems;
    }

    private static void InspectCard(JsonObject card, string at, List<string> problems)
    {
        if ((string?)card["type"] != "AdaptiveCard") problems.Add($"{at}.type must be 'AdaptiveCard'");
        var version = (string?)card["version"];
        if (!Version.TryParse(version, out var parsed)) problems.Add($"{at}.version is missing or not a version");
        else if (parsed > new Version(1, 5)) problems.Add($"{at}.version {version} is newer than Teams renders (1.5)");
        if (card["body"] is not JsonArray body) problems.Add($"{at}.body must be an array");
        else InspectElements(body, $"{at}.body", problems);
        if (card["actions"] is JsonArray actions) InspectActions(actions, $"{at}.actions", problems);
    }

    private static void InspectElements(JsonArray elements, string at, List<string> problems)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"{at}[{i}]";
            if (elements[i] is not JsonObject element)
            {
                problems.Add($"{path} is not an object");
                continue;
            }

            var type = (string?)element["type"];
            if (type is null || !Elements.Contains(type))
            {
                problems.Add($"{path}.type '{type}' is not an Adaptive Card 1.5 element");
                continue;
            }

            switch (type)
            {
                case "TextBlock" when element["text"] is not JsonValue:
                    problems.Add($"{path}.text is required");
                    break;
                case "RichTextBlock":
                    InspectInlines(element["inlines"], path, problems);
                    break;
                case "Container":
                    if (element["items"] is JsonArray items) InspectElements(items, $"{path}.items", problems);
                    else problems.Add($"{path}.items must be an array");
                    break;
                case "ColumnSet" when element["columns"] is JsonArray columns:
                    foreach (var column in columns.OfType<JsonObject>())
                    {
                        if (column["items"] is JsonArray columnItems) InspectElements(columnItems, $"{path}.columns", problems);
                    }

                    break;
                case "FactSet" when element["facts"] is not JsonArray:
                    problems.Add($"{path}.facts must be an array");
                    break;
                case "ActionSet":
                    if (element["actions"] is JsonArray actions) InspectActions(actions, $"{path}.actions", problems);
                    else problems.Add($"{path}.actions must be an array");
                    break;
            }

            if (element["selectAction"] is JsonObject select) InspectActions([select.DeepClone()], $"{path}.selectAction", problems);
        }
    }

    private static void InspectInlines(JsonNode? inlines, string at, List<string> problems)
    {
        if (inlines is not JsonArray array)
        {
            problems.Add($"{at}.inlines must be an array");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            switch (array[i])
            {
                case JsonValue value when value.TryGetValue<string>(out _):
                    break;
                case JsonObject run when (string?)run["type"] == "TextRun" && run["text"] is JsonValue:
                    if (run["selectAction"] is JsonObject select) InspectActions([select.DeepClone()], $"{at}.inlines[{i}].selectAction", problems);
                    break;
                default:
                    problems.Add($"{at}.inlines[{i}] must be a TextRun with text");
                    break;
            }
        }
    }

    private static void InspectActions(JsonArray actions, string at, List<string> problems)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            var type = (string?)actions[i]?["type"];
            if (type is null || !Actions.Contains(type)) problems.Add($"{at}[{i}].type '{type}' is not an Adaptive Card action");
            else if (type == "Action.OpenUrl" && !Uri.TryCreate((string?)actions[i]?["url"], UriKind.Absolute, out _)) problems.Add($"{at}[{i}].url must be an absolute URL");
        }
    }
}
