using Integration.Core.Storage;

namespace Integration.Cli.Hosting;

/// <summary>Waits for the host's queue listener to work a queue empty.</summary>
internal static class QueueDrain
{
    /// <summary>
    /// Returns when the queue holds nothing, neither waiting nor being worked: its approximate
    /// count includes invisible messages, so a message between retries still counts.
    /// </summary>
    public static async Task WaitUntilEmptyAsync(IntegrationStorage storage, string name, CancellationToken ct)
    {
        var queue = await storage.QueueAsync(name, ct);
        while ((await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    /// <summary>
    /// Creates every queue first: the listener would otherwise meet an unreachable account (or an
    /// identity without a token) on a thread of its own, where the failure ends the process.
    /// </summary>
    public static async Task CheckStorageAsync(IntegrationStorage storage, CancellationToken ct)
    {
        foreach (var queue in Core.Queues.QueueNames.All)
        {
            await storage.QueueAsync(queue, ct);
            await storage.QueueAsync(Core.Queues.QueueNames.Poison(queue), ct);
        }
    }
}
