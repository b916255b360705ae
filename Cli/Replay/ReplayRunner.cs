using Integration.Cli.Hosting;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integration.Cli.Replay;

/// <summary>
/// <c>replay &lt;queue&gt;</c>: moves every message of the queue's poison twin back and lets the
/// WebJobs queue listener work them, with the host's retries, as the Functions host would. A
/// message that fails again goes back to the poison queue; how many did is read from it.
/// </summary>
internal sealed class ReplayRunner(IConfiguration configuration, bool verbose, Action<string> progress)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Only move the messages back, for the deployed app's queue trigger to work with its own
    /// identity: what an on-call engineer runs against production, with queue access and no more.
    /// </summary>
    public bool MoveOnly { get; init; }

    public async Task<ReplaySummary> RunAsync(string queue, CancellationToken ct)
    {
        using var host = CliHost.Build(configuration, verbose);
        var services = host.Services;
        var storage = services.GetRequiredService<IntegrationStorage>();
        if (!services.GetRequiredService<QueueMessageDispatcher>().ConsumedQueues.Contains(queue))
        {
            throw new ReplayException($"The {queue} queue has no consumer in this version, so nothing could work its messages; {QueueNames.Poison(queue)} is left as it is.");
        }

        await QueueDrain.CheckStorageAsync(storage, ct);
        var poison = services.GetRequiredService<PoisonQueues>();
        var moved = await poison.MoveBackAsync(queue, ct);
        progress($"Moved {moved} message(s) from {QueueNames.Poison(queue)} back to {queue}.");
        if (moved == 0) return new ReplaySummary(queue, 0, 0, 0, StillRunning: false);
        if (MoveOnly) return new ReplaySummary(queue, moved, 0, 0, StillRunning: false) { MovedOnly = true };

        await host.StartAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        var stillRunning = false;
        try
        {
            progress($"Working the {queue} queue…");
            await QueueDrain.WaitUntilEmptyAsync(storage, queue, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            progress($"Gave up waiting after {Timeout.TotalMinutes:0.#} minute(s) (--timeout-minutes); what is still queued is worked by the next run.");
            stillRunning = true;
        }

        await host.StopAsync(CancellationToken.None);
        var failed = Math.Min(moved, await poison.CountAsync(queue, ct));
        return new ReplaySummary(queue, moved, stillRunning ? 0 : moved - failed, failed, stillRunning);
    }
}

/// <summary>What a replay did: messages moved back, worked without error, and back in the poison queue.</summary>
public sealed record ReplaySummary(string Queue, int Replayed, int Succeeded, int Failed, bool StillRunning)
{
    /// <summary>The messages were moved back and left for the deployed app to work (<c>--move-only</c>).</summary>
    public bool MovedOnly { get; init; }
}

/// <summary>A replay that cannot start; the message says why.</summary>
public sealed class ReplayException(string message) : Exception(message);
