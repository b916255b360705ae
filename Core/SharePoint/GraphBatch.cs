using System.Collections.Concurrent;
using System.Text.Json;
using Integration.Core.SharePoint.Pacing;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace Integration.Core.SharePoint;

/// <summary>One request of a JSON batch, under an id unique among those sent together (an item id, say).</summary>
public sealed record GraphCall(string Id, RequestInformation Request);

/// <summary>
/// How Graph answered one request of a batch: its status, its body (a clone, free of the batch's
/// document), and for an error its code and message. Status 0: no answer at all (the batch itself failed).
/// </summary>
public sealed record GraphAnswer(int Status, JsonElement? Body, string? ErrorCode, string? ErrorMessage)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>What to log or show: the status with Graph's message.</summary>
    public string Describe() => Status == 0 ? ErrorMessage ?? "no answer" : $"HTTP {Status} {ErrorCode}: {ErrorMessage}".TrimEnd(':', ' ');

    internal static GraphAnswer NoAnswer(string why) => new(0, null, null, why);
}

/// <summary>
/// Sends many small Graph requests as JSON batches (<c>POST /$batch</c>, at most 20 each) through the SDK's
/// batch support: one round trip per twenty writes or reads instead of twenty. Each request's answer is its
/// own: a 404 or 412 is returned as it came; a 429 or 503 is sent again, alone with the others throttled, after
/// the longest <c>Retry-After</c> among them (SharePoint counts every request of a batch against the app's
/// budget, so a throttled one is the budget speaking, and <see cref="ResourceUnitBudget"/> holds the other
/// calls for as long).
/// </summary>
public sealed partial class GraphBatch(GraphServiceClient graph, ResourceUnitBudget budget, ILogger<GraphBatch> logger)
{
    /// <summary>Graph's limit on requests in one batch.</summary>
    public const int MaxRequests = 20;

    /// <summary>Sends after the first for a throttled request; past them its answer is the 429.</summary>
    public const int MaxRetries = 3;

    /// <summary>Batches in flight at once: enough to hide a round trip, few enough to keep the pace even.</summary>
    public const int Parallelism = 2;

    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    /// <summary>Sends the calls, twenty to a batch, and returns every call's answer by its id.</summary>
    public async Task<IReadOnlyDictionary<string, GraphAnswer>> SendAsync(IReadOnlyList<GraphCall> calls, CancellationToken ct)
    {
        var answers = new ConcurrentDictionary<string, GraphAnswer>(StringComparer.Ordinal);
        if (calls.Count == 0) return answers;
        if (calls.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != calls.Count)
        {
            throw new ArgumentException("Every call of a batch needs an id of its own.", nameof(calls));
        }

        await Parallel.ForEachAsync(calls.Chunk(MaxRequests), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (chunk, token) => await SendChunkAsync(chunk, answers, token));
        return answers;
    }

    private async Task SendChunkAsync(IReadOnlyList<GraphCall> chunk, ConcurrentDictionary<string, GraphAnswer> answers, CancellationToken ct)
    {
        IReadOnlyList<GraphCall> pending = chunk;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var throttled = new List<(GraphCall Call, TimeSpan Wait)>();
            foreach (var (call, answer, retryAfter) in await PostAsync(pending, ct))
            {
                if (answer.Status is 429 or 503 && attempt < MaxRetries) throttled.Add((call, retryAfter ?? TimeSpan.FromSeconds(1)));
                else answers[call.Id] = answer;
            }

            pending = [.. throttled.Select(t => t.Call)];
            if (pending.Count == 0) break;
            var wait = throttled.Max(t => t.Wait);
            LogThrottled(pending.Count, wait.TotalSeconds);
            // Retry-After is wall-clock time, whatever clock the night's business runs on.
            await Task.Delay(wait < LongestWait ? wait : LongestWait, ct);
        }
    }

    private async Task<List<(GraphCall Call, GraphAnswer Answer, TimeSpan? RetryAfter)>> PostAsync(IReadOnlyList<GraphCall> calls, CancellationToken ct)
    {
        var content = new BatchRequestContentCollection(graph, MaxRequests);
        foreach (var call in calls)
        {
            // A request sent again is serialised again: its body is read from the start.
            if (call.Request.Content is { CanSeek: true } body) body.Position = 0;
            await content.AddBatchRequestStepAsync(call.Request, call.Id);
        }

        BatchResponseContentCollection response;
        try
        {
            response = await graph.Batch.PostAsync(content, ct);
        }
        catch (Exception ex) when (ex is ApiException or AggregateException or HttpRequestException or ServiceException)
        {
            // The batch itself was refused or never answered: every call in it failed, none is known written.
            LogBatchFailed(calls.Count, ex.GetType().Name, ex.Message);
            return [.. calls.Select(c => (c, GraphAnswer.NoAnswer(ex.Message), (TimeSpan?)null))];
        }

        var statuses = await response.GetResponsesStatusCodesAsync();
        var result = new List<(GraphCall, GraphAnswer, TimeSpan?)>(calls.Count);
        foreach (var call in calls)
        {
            if (!statuses.TryGetValue(call.Id, out var status))
            {
                result.Add((call, GraphAnswer.NoAnswer($"The batch's answer had no response for request {call.Id}."), null));
                continue;
            }

            using var message = await response.GetResponseByIdAsync(call.Id);
            budget.Observe((int)status, message.Headers);
            result.Add((call, await ReadAsync((int)status, message, ct), message.Headers.RetryAfter?.Delta));
        }

        return result;
    }

    private static async Task<GraphAnswer> ReadAsync(int status, HttpResponseMessage message, CancellationToken ct)
    {
        var text = message.Content is null ? "" : await message.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return new GraphAnswer(status, null, null, null);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new GraphAnswer(status, null, null, text.Length > 200 ? text[..200] : text);
        }

        if (status is >= 200 and < 300) return new GraphAnswer(status, body, null, null);
        var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e : default;
        return new GraphAnswer(status, body, Text(error, "code"), Text(error, "message"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} request(s) of a Graph batch were throttled; sending them again in {Seconds:F0} s.")]
    private partial void LogThrottled(int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Graph batch of {Count} request(s) failed as a whole ({Error}: {Message}).")]
    private partial void LogBatchFailed(int count, string error, string message);
}

/// <summary>A request of a batch that Graph did not carry out, where the caller cannot go on without it.</summary>
public sealed class GraphBatchException(string message, int status) : Exception(message)
{
    /// <summary>The request's status; 0 when the batch itself had no answer.</summary>
    public int Status { get; } = status;
}
