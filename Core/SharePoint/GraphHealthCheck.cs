using Integration.Core.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Core.SharePoint;

/// <summary>Whether Graph answers for the configured site with our credential: the site's id, nothing more.</summary>
public sealed class GraphHealthCheck(GraphServiceClient graph, IOptions<SharePointOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await graph.Sites[options.Value.SiteId].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken);
            return HealthCheckResult.Healthy("answers for the site");
        }
        catch (ODataError ex)
        {
            // The status and Graph's error code say what is wrong (401: the token, 404: the site) without any value.
            return HealthCheckResult.Unhealthy($"answered {ex.ResponseStatusCode} {ex.Error?.Code}".TrimEnd());
        }
        catch (Exception ex) when (ex is HttpRequestException or AggregateException or Azure.Identity.AuthenticationFailedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"unreachable ({ex.GetType().Name})");
        }
    }
}
