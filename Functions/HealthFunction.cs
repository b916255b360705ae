using System.Net;
using System.Text.Json;
using Integration.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Integration.Functions;

/// <summary>Anonymous liveness probe: 200 when storage answers, 503 when it does not.</summary>
public sealed class HealthFunction(StorageHealthCheck health)
{
    [Function("health")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        CancellationToken ct)
    {
        var report = await health.CheckAsync(ct);
        var response = request.CreateResponse(report.Healthy ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable);
        // Not WriteAsJsonAsync: every overload of it sets the status to 200, which would hide a 503.
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await JsonSerializer.SerializeAsync(response.Body, new { status = report.Healthy ? "Healthy" : "Unhealthy", detail = report.Detail }, cancellationToken: ct);
        return response;
    }
}
