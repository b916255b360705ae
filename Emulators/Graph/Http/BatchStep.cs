using System.Text.Json;

namespace Integration.Emulators.Graph.Http;

/// <summary>One request of a JSON batch as the client wrote it: <c>{id, method, url, headers?, body?, dependsOn?}</c>.</summary>
internal sealed record BatchStep(string Id, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, JsonElement? Body, IReadOnlyList<string> DependsOn)
{
    public const int MaxSteps = 20;

    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD" };

    /// <summary>
    /// The steps of <c>{"requests":[…]}</c> in the order they may run (each after the steps it depends on), or why
    /// Graph refuses the whole batch: not 1 to 20 requests, a request without id, method or url, an unknown method, an
    /// absolute url or a batch inside the batch,
    /// a repeated id, or a <c>dependsOn</c> naming an unknown id or going round in a circle.
    /// </summary>
    public static bool TryParseAll(JsonElement root, out List<BatchStep> ordered, out string problem)
    {
        ordered = [];
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
        {
            problem = "Invalid batch payload format: the body must be {\"requests\": [...]}.";
            return false;
        }

        var count = requests.GetArrayLength();
        if (count is 0 or > MaxSteps)
        {
            problem = $"The batch must hold between 1 and {MaxSteps} requests; it holds {count}.";
            return false;
        }

        var steps = new List<BatchStep>(count);
        foreach (var request in requests.EnumerateArray())
        {
            if (TryParse(request, out var step, out problem) is false)
            {
                return false;
            }

            if (steps.Exists(s => s.Id == step!.Id))
            {
                problem = $"The batch holds more than one request with the id '{step!.Id}'. Request ids must be unique.";
                return false;
            }

            steps.Add(step!);
        }

        return TryOrder(steps, ordered, out problem);
    }

    private static bool TryParse(JsonElement request, out BatchStep? step, out string problem)
    {
        step = null;
        if (request.ValueKind != JsonValueKind.Object
            || Text(request, "id") is not { Length: > 0 } id
            || Text(request, "method") is not { Length: > 0 } method
            || Text(request, "url") is not { Length: > 0 } url)
        {
            problem = "Every request in a batch needs an id, a method and a url.";
            return false;
        }

        if (!Methods.Contains(method))
        {
            problem = $"Request '{id}': the method '{method}' is not one of {string.Join(", ", Methods)}.";
            return false;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            || !Uri.TryCreate("http://localhost/v1.0/" + url.TrimStart('/'), UriKind.Absolute, out var relative))
        {
            problem = $"Request '{id}': the url must be relative to the version root (e.g. /sites/...), not '{url}'.";
            return false;
        }

        // Graph does not batch a batch.
        if (relative.AbsolutePath.TrimEnd('/').EndsWith("/" + BatchEndpoint.Segment, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Request '{id}': a batch cannot hold another batch.";
            return false;
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (request.TryGetProperty("headers", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Object || given.EnumerateObject().Any(h => h.Value.ValueKind != JsonValueKind.String))
            {
                problem = $"Request '{id}': headers must be an object of strings.";
                return false;
            }

            headers.AddRange(given.EnumerateObject().Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString()!)));
        }

        var dependsOn = new List<string>();
        if (request.TryGetProperty("dependsOn", out var depends) && depends.ValueKind != JsonValueKind.Null)
        {
            if (depends.ValueKind != JsonValueKind.Array || depends.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.String))
            {
                problem = $"Request '{id}': dependsOn must be an array of request ids.";
                return false;
            }

            dependsOn.AddRange(depends.EnumerateArray().Select(d => d.GetString()!));
        }

        JsonElement? body = request.TryGetProperty("body", out var content) && content.ValueKind != JsonValueKind.Null ? content.Clone() : null;
        step = new BatchStep(id, method.ToUpperInvariant(), url, headers, body, dependsOn);
        problem = "";
        return true;
    }

    // Each step after those it depends on, otherwise in the order given.
    private static bool TryOrder(List<BatchStep> steps, List<BatchStep> ordered, out string problem)
    {
        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (steps.Find(s => s.DependsOn.Any(d => !ids.Contains(d) || d == s.Id)) is { } orphan)
        {
            problem = $"Request '{orphan.Id}' depends on a request id that is not in the batch, or on itself.";
            return false;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<BatchStep>(steps);
        while (pending.Count > 0)
        {
            var next = pending.Find(s => s.DependsOn.All(done.Contains));
            if (next is null)
            {
                problem = $"The batch's dependsOn go round in a circle (request '{pending[0].Id}').";
                return false;
            }

            pending.Remove(next);
            done.Add(next.Id);
            ordered.Add(next);
        }

        problem = "";
        return true;
    }

    private static string? Text(JsonElement request, string name) =>
        request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
