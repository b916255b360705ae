using System.Net;
using System.Text.Json;
using Integration.Core.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Integration.Functions;

/// <summary>
/// Health, in two answers from one check of each dependency (cached for a minute): anonymous, only
/// the status code (503 when a dependency is down), for the platform's probe; and behind a function
/// key, which dependencies are configured and how each answered, for an engineer.
/// </summary>
public sealed class HealthFunction(DependencyHealth health)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function("health")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        CancellationToken ct)
    {
        // Who may call this is anyone: the answer names no dependency, error or time.
        var answer = await health.CheckAsync(ct);
        var response = request.CreateResponse(answer.IsDown ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        response.Headers.Add("Cache-Control", "no-store");
        return response;
    }

    [Function("healthDetails")]
    public async Task<HttpResponseData> Details(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health/details")] HttpRequestData request,
        CancellationToken ct)
    {
        var answer = await health.CheckAsync(ct);
        var response = request.CreateResponse(answer.IsDown ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        // Not WriteAsJsonAsync: every overload of it sets the status to 200, which would hide a 503.
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        response.Headers.Add("Cache-Control", "no-store");
        await JsonSerializer.SerializeAsync(response.Body, answer, Json, ct);
        return response;
    }
}
