namespace Integration.Emulators;

/// <summary>
/// The faults a stand-in's next requests meet, in the order they were set, each set for a number
/// of requests; one request takes one. Thread-safe: requests arrive side by side.
/// </summary>
internal sealed class FaultQueue<TFault>
    where TFault : class
{
    private readonly Lock gate = new();
    private readonly Queue<TFault> pending = new();

    /// <summary>Requests still to be hit.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public void Add(int count, TFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            for (var i = 0; i < count; i++) pending.Enqueue(fault);
        }
    }

    public TFault? TryTake()
    {
        lock (gate)
        {
            return pending.TryDequeue(out var fault) ? fault : null;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }
}
