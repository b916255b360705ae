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
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or InvalidOperationException)
        {
            // The message says what failed without echoing the connection string.
            return new HealthReport(false, $"storage unreachable: {ex.GetType().Name}");
        }
    }
}

public sealed record HealthReport(bool Healthy, string Detail);
