using Integration.Core.Storage;

namespace Integration.Core.Queues;

/// <summary>
/// The <c>-poison</c> twins the host fills after <c>maxDequeueCount</c> failed tries. A message
/// there is kept, not lost: once its cause is fixed, <c>replay</c> moves it back to work it again.
/// </summary>
public sealed class PoisonQueues(IntegrationStorage storage)
{
    /// <summary>How long a message being moved stays invisible in the poison queue; far longer than a move takes.</summary>
    private static readonly TimeSpan MoveLease = TimeSpan.FromMinutes(5);

    public async Task<int> CountAsync(string queue, CancellationToken ct)
    {
        var poison = await storage.QueueAsync(QueueNames.Poison(queue), ct);
        return (await poison.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
    }

    /// <summary>Moves every message of <c>{queue}-poison</c> back to <paramref name="queue"/>, as it is.</summary>
    /// <returns>How many were moved.</returns>
    public async Task<int> MoveBackAsync(string queue, CancellationToken ct)
    {
        var poison = await storage.QueueAsync(QueueNames.Poison(queue), ct);
        var target = await storage.QueueAsync(queue, ct);
        var moved = 0;
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, MoveLease, ct)).Value;
            if (batch.Length == 0) return moved;
            foreach (var message in batch)
            {
                // Sent before it is deleted: a crash in between leaves a copy in both queues, and
                // every handler makes a repeated message harmless; the other order could lose it.
                await target.SendMessageAsync(message.Body, cancellationToken: ct);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                moved++;
            }
        }
    }
}
