using System.Net;
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
        await response.WriteAsJsonAsync(new { status = report.Healthy ? "Healthy" : "Unhealthy", detail = report.Detail }, ct);
        response.StatusCode = report.Healthy ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
        return response;
    }
}
