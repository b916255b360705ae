using System.Text.Json.Nodes;

namespace Integration.Emulators.Graph;

/// <summary>
/// One <c>sendActivityNotification</c> request as the stand-in answered it: to whom (the user id or
/// principal name from the path), the body as sent, and the status. The properties read the parts
/// a notification shows: the Actor+Reason line (the <c>systemDefault</c> template parameter for the
/// <c>systemDefault</c> activity type), the preview and the topic.
/// </summary>
public sealed record ActivityNotification(string User, string Body, JsonNode? Json, int Status, DateTimeOffset ReceivedAt)
{
    public string? ActivityType => (string?)Json?["activityType"];

    public string? TopicSource => (string?)Json?["topic"]?["source"];

    public string? TopicValue => (string?)Json?["topic"]?["value"];

    public string? WebUrl => (string?)Json?["topic"]?["webUrl"];

    public string? PreviewText => (string?)Json?["previewText"]?["content"];

    /// <summary>The template parameters by name, e.g. <c>systemDefault</c>.</summary>
    public IReadOnlyDictionary<string, string?> TemplateParameters =>
        Json?["templateParameters"] is JsonArray parameters
            ? parameters.OfType<JsonObject>().Where(p => p["name"] is JsonValue)
                .GroupBy(p => (string)p["name"]!).ToDictionary(g => g.Key, g => (string?)g.Last()["value"])
            : new Dictionary<string, string?>();
}
