using Azure.Core;
using Azure.Core.Pipeline;

namespace Integration.Core.Storage;

/// <summary>
/// Counts the storage requests a client pipeline sends, split into reads and writes. The bench
/// and the regression tests use it to show that a quiet night writes nothing.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long _reads;
    private long _writes;
    private long _transactions;

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Requests that change something: inserts, updates, deletes and batch transactions.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Entity group transactions (<c>$batch</c>), a subset of <see cref="Writes"/>.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _transactions, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        if (request.Method == RequestMethod.Get || request.Method == RequestMethod.Head)
        {
            Interlocked.Increment(ref _reads);
            return;
        }

        // A table query with a filter is a GET; a POST to /Tables creates a table, which counts as a write.
        Interlocked.Increment(ref _writes);
        if (request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref _transactions);
    }
}
