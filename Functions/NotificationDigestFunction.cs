using Integration.Core.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>Asks for the night's one Teams digest, after the overdue scan's events are in.</summary>
public sealed class NotificationDigestFunction(NotificationDigestStep digest)
{
    [Function("NotificationDigest")]
    public Task Run([TimerTrigger("%Schedules:NotificationDigest%")] TimerInfo timer, CancellationToken ct) =>
        digest.RequestAsync(runId: null, ct);
}
