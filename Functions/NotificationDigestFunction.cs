using Integration.Core.Notifications;
using Integration.Core.Retention;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>
/// Asks for the night's one Teams digest, after the overdue scan's events are in; then deletes the
/// records older than the retention period, the night's last step. Retention runs even when the
/// request failed.
/// </summary>
public sealed class NotificationDigestFunction(NotificationDigestStep digest, RetentionStep retention)
{
    [Function("NotificationDigest")]
    public async Task Run([TimerTrigger("%Schedules:NotificationDigest%")] TimerInfo timer, CancellationToken ct)
    {
        try
        {
            await digest.RequestAsync(runId: null, ct);
        }
        finally
        {
            await retention.RunAsync(runId: null, ct);
        }
    }
}
