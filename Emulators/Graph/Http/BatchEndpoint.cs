using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// <c>POST /v1.0/$batch</c>, Graph's JSON batching: each request of the envelope is sent to this stand-in's own
/// origin over loopback, so it takes the path a request of its own takes (log, latency, faults, resource-unit budget,
/// routing), marked with <see cref="Header"/> so the log knows it came in a batch. The answer is 200 with one
/// <c>{id, status, headers, body}</c> per request, whatever each request's own status; a request that depends on
/// one that failed answers 424.
/// </summary>
internal static class BatchEndpoint
{
    public const string Segment = "$batch";

    /// <summary>Set on each operation sent from an envelope: the envelope's request id.</summary>
    public const string Header = "X-StandIn-Batch";

    // A few at a time, as Graph runs a batch's independent requests: in parallel, but not all at once.
    private const int Parallelism = 6;

    // The transport's own headers; a sub-response carries only what describes it.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Date", "Server", "Connection", "Keep-Alive", "Host",
    };

    /// <summary>A request delegate, not a route handler: the only parameter it binds is the context.</summary>
    public static async Task PostAsync(StandInContext context, HttpContext http) =>
        await (await AnswerAsync(context, http)).ExecuteAsync(http);

    private static async Task<IResult> AnswerAsync(StandInContext context, HttpContext http)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Invalid("Invalid batch payload format: the body is not JSON.");
        }

        List<BatchStep> steps;
        using (document)
        {
            if (!BatchStep.TryParseAll(document.RootElement, out steps, out var problem))
            {
                return Invalid(problem);
            }
        }

        var batchId = RequestIdentity.Of(http).RequestId;
        var answers = new ConcurrentDictionary<string, BatchAnswer>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            steps.Where(s => s.DependsOn.Count == 0),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = http.RequestAborted },
            async (step, ct) => answers[step.Id] = await SendAsync(context, step, batchId, ct));
        foreach (var step in steps.Where(s => s.DependsOn.Count > 0))
        {
            answers[step.Id] = step.DependsOn.All(d => answers[d].Succeeded)
                ? await SendAsync(context, step, batchId, http.RequestAborted)
                : BatchAnswer.FailedDependency(step.Id);
        }

        // In the order the requests may run: as given, each after what it depends on.
        var inOrder = steps.Select(s => answers[s.Id]).ToList();
        return new GraphJsonResult(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("responses");
            foreach (var answer in inOrder)
            {
                answer.Write(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<BatchAnswer> SendAsync(StandInContext context, BatchStep step, string batchId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), new Uri(context.BaseUrl + "/" + step.Url.TrimStart('/')));
        request.Headers.TryAddWithoutValidation(Header, batchId);
        string? contentType = null;
        foreach (var (name, value) in step.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (!Dropped.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (step.Body is { } body)
        {
            request.Content = new ByteArrayContent(BodyBytes(body, contentType));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/json");
        }

        using var response = await context.Loopback.SendAsync(request, ct);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !Dropped.Contains(h.Key))
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))
            .ToList();
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return new BatchAnswer(step.Id, (int)response.StatusCode, headers, bytes, response.Content.Headers.ContentType);
    }

    // Graph's rule: a JSON body inline; any other content type as base64 text.
    private static byte[] BodyBytes(JsonElement body, string? contentType)
    {
        if (IsJson(contentType) || body.ValueKind != JsonValueKind.String)
        {
            return Encoding.UTF8.GetBytes(body.GetRawText());
        }

        var text = body.GetString()!;
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) ? buffer[..length] : Encoding.UTF8.GetBytes(text);
    }

    internal static bool IsJson(string? contentType) =>
        contentType is null
        || MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } media
            && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static IResult Invalid(string message) => GraphErrors.Result(400, "BadRequest", message);
}
