using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// <c>POST /users/{id | userPrincipalName}/teamwork/sendActivityNotification</c>, as Graph answers
/// it: 204 with no body when delivered; 400 for a body Graph would not take; 404 for a user the
/// tenant does not have; 403 when our Teams app is not installed for the user (Graph cannot tell
/// which app the notification belongs to then). The app declares no activity types, so only the
/// reserved <c>systemDefault</c> type is taken, and it needs its free text in the
/// <c>systemDefault</c> template parameter.
/// </summary>
internal static class ActivityFeedEndpoints
{
    public static async Task<IResult> SendAsync(StandInContext context, HttpContext http, string user)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }

        var (status, code, message) = Problem(json) is { } problem
            ? (400, "BadRequest", problem)
            : context.ActivityFeed.AppInstalledFor(user) switch
            {
                null => (404, "Request_ResourceNotFound", $"Resource '{user}' does not exist or one of its queried reference-property objects are not present."),
                false => (403, "Forbidden", "Application is not authorized to generate custom text notifications to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat)."),
                true => (204, "", ""),
            };
        context.ActivityFeed.Record(new ActivityNotification(user, body, json, status, context.Options.Clock.GetUtcNow()));
        return status == 204 ? Results.NoContent() : GraphErrors.Result(status, code, message);
    }

    private static string? Problem(JsonNode? json)
    {
        if (json is not JsonObject body) return "The request body must be a JSON object.";
        if (Text(body["activityType"]) is not { } activityType) return "activityType is required.";
        if (body["topic"] is not JsonObject topic) return "topic is required.";
        switch (Text(topic["source"]))
        {
            case "text":
                if (Text(topic["value"]) is null) return "topic.value is required.";
                if (!Uri.TryCreate(Text(topic["webUrl"]), UriKind.Absolute, out _)) return "topic.webUrl must be an absolute URL when topic.source is text.";
                break;
            case "entityUrl":
                if (!Uri.TryCreate(Text(topic["value"]), UriKind.Absolute, out _)) return "topic.value must be a Microsoft Graph URL when topic.source is entityUrl.";
                break;
            default:
                return "topic.source must be entityUrl or text.";
        }

        if (Text(body["previewText"]?["content"]) is null) return "previewText.content is required.";
        if (activityType != "systemDefault") return $"The activity type '{activityType}' is not declared in the Teams app manifest.";
        var parameters = body["templateParameters"] as JsonArray;
        var systemDefault = parameters?.OfType<JsonObject>().FirstOrDefault(p => Text(p["name"]) == "systemDefault");
        return Text(systemDefault?["value"]) is null
            ? "The systemDefault activity type needs its text in the templateParameters entry named systemDefault."
            : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
