using System.Net;
using System.Text.Json;
using Integration.Core.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Integration.Functions;

/// <summary>
/// Anonymous health: each dependency (storage, Graph, the case system, each when configured) and
/// whether the last night completed; 503 naming what is down. Cached for a minute.
/// </summary>
public sealed class HealthFunction(DependencyHealth health)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function("health")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
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
