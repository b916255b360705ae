namespace Integration.Emulators.Graph;

/// <summary>
/// The list's changes in sequence order: one entry per add, update or delete. An entry is current
/// while its item still carries that sequence; later changes leave it stale. Delta reads binary-search
/// the sequence and walk forward, so a page costs its size plus the stale entries it passes.
/// Not thread-safe: used under the owning list's lock.
/// </summary>
internal sealed class ChangeLog
{
    private const int CompactionFloor = 1024;

    private List<(long Sequence, int Id)> entries = [];
    private int stale;

    public int Count => entries.Count;

    public (long Sequence, int Id) this[int index] => entries[index];

    public void Append(long sequence, int id, bool supersedesEarlierEntry)
    {
        entries.Add((sequence, id));
        if (supersedesEarlierEntry)
        {
            stale++;
        }
    }

    /// <summary>Index of the first entry whose sequence is greater than <paramref name="sequence"/>.</summary>
    public int FirstIndexAfter(long sequence)
    {
        int low = 0, high = entries.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (entries[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Drops stale entries once they outnumber current ones, keeping reads and memory bounded.</summary>
    public void CompactIfMostlyStale(IEnumerable<ListItemRecord> currentRecords)
    {
        if (entries.Count < CompactionFloor || stale * 2 < entries.Count)
        {
            return;
        }

        entries = [.. currentRecords.Select(r => (r.Sequence, r.Id)).OrderBy(e => e.Sequence)];
        stale = 0;
    }
}
