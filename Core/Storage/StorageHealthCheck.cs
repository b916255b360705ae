using Azure.Identity;

namespace Integration.Core.Storage;

/// <summary>Whether the storage account answers; used by the anonymous <c>health</c> endpoint.</summary>
public sealed class StorageHealthCheck(IntegrationStorage storage)
{
    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        try
        {
            await storage.TableService.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages().FirstOrDefaultAsync(ct);
            await storage.QueueService.GetQueuesAsync(cancellationToken: ct).AsPages(pageSizeHint: 1).FirstOrDefaultAsync(ct);
            return new HealthReport(true, "storage reachable");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AuthenticationFailedException or HttpRequestException or AggregateException or InvalidOperationException)
        {
            // The service URI says which account without echoing a connection string or a key.
            return new HealthReport(false, $"storage unreachable at {storage.TableService.Uri.GetLeftPart(UriPartial.Authority)}: {ex.GetType().Name}");
        }
    }
}

public sealed record HealthReport(bool Healthy, string Detail);
