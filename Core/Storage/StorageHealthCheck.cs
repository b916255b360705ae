using Azure.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Core.Storage;

/// <summary>Whether the storage account answers: one table and one queue listing, a page of one each.</summary>
public sealed class StorageHealthCheck(IntegrationStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.TableService.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().FirstOrDefaultAsync(cancellationToken);
            await storage.QueueService.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AuthenticationFailedException or HttpRequestException or AggregateException or InvalidOperationException)
        {
            // The kind of failure only: the endpoint would name the account, a configuration value.
            return HealthCheckResult.Unhealthy($"unreachable ({ex.GetType().Name}{(ex is Azure.RequestFailedException { Status: > 0 } rf ? $" {rf.Status}" : "")})");
        }
    }
}
