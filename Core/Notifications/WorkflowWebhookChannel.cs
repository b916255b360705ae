using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// Posts to a Teams Workflows webhook ("When a Teams webhook request is received", followed by
/// "Post card in a chat or channel"). Office 365 connector webhooks are retired; this is their
/// successor. The webhook answers 202 before the flow runs, so the card is checked here first
/// (<see cref="CardCheck"/>). 429, 5xx and timeouts are retried by the resilience handler; what is
/// still failing then is thrown for the queue to retry.
/// </summary>
public sealed class WorkflowWebhookChannel(HttpClient http, IOptions<TeamsOptions> options) : ITeamsChannel
{
    public async Task PostAsync(DigestPost post, CancellationToken ct)
    {
        var problems = CardCheck.Problems(post.Message);
        if (problems.Count > 0)
        {
            throw new TeamsPostException("The digest card failed our check and was not posted: " + string.Join("; ", problems), null, isTransient: false);
        }

        var url = options.Value.WorkflowWebhookUrl
            ?? throw new InvalidOperationException("Teams__WorkflowWebhookUrl is not set.");
        using var content = new StringContent(DigestPosts.Json(post.Message), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.PostAsync(new Uri(url), content, ct);
        if (response.IsSuccessStatusCode) return;

        var status = (int)response.StatusCode;
        var code = await ErrorCodeAsync(response, ct);
        // 408 and 429 are worth another try later, as is a 5xx; any other 4xx refuses this message.
        var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
        throw new TeamsPostException(
            transient
                ? $"The Teams webhook answered {status}{code} after the retries; the queue tries the digest again later."
                : $"The Teams webhook refused the digest with {status}{code}; the same message will not be taken, so it goes to the poison queue.",
            status,
            transient);
    }

    /// <summary>The flow's error code, e.g. <c>WorkflowNotFound</c>; its message is left out, it may quote the request.</summary>
    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? $" ({code.GetString()})"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
