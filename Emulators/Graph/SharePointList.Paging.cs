namespace Integration.Emulators.Graph;

/// <summary>How clients page through a list: plain listings by id, and delta rounds by change sequence.</summary>
public sealed partial class SharePointList
{
    /// <summary>Live items with ids above <paramref name="afterId"/>, in id order, as SharePoint pages them.</summary>
    internal ItemsPage ReadItems(int afterId, int pageSize)
    {
        lock (gate)
        {
            var page = new List<ListItemRecord>(Math.Min(pageSize, liveCount));
            var ids = items.Keys;
            for (var index = FirstIdIndexAfter(afterId); index < ids.Count; index++)
            {
                var record = items.Values[index];
                if (record.Deleted)
                {
                    continue;
                }

                if (page.Count == pageSize)
                {
                    return new ItemsPage(page, page[^1].Id);
                }

                page.Add(record);
            }

            return new ItemsPage(page, null);
        }
    }

    /// <summary>Starts a delta round over changes after <paramref name="since"/>, taking up pending repeats.</summary>
    internal DeltaRound BeginDelta(long since)
    {
        lock (gate)
        {
            var repeats = pendingRepeats.ToArray();
            pendingRepeats.Clear();
            return new DeltaRound(since, sequence, since, Leading: 0, Trailing: 0, repeats);
        }
    }

    /// <summary>
    /// The next page of a round: leading repeats, then current changes in sequence order
    /// (the repeated items held back), then trailing repeats once the changes are exhausted.
    /// </summary>
    internal DeltaPage ReadDelta(DeltaRound round, int pageSize)
    {
        lock (gate)
        {
            var page = new List<ListItemRecord>(pageSize);
            var leading = round.Leading;
            while (leading < round.Repeats.Count && page.Count < pageSize)
            {
                AddRepeat(page, round.Repeats[leading++]);
            }

            var after = round.After;
            for (var index = changes.FirstIndexAfter(after); index < changes.Count; index++)
            {
                var (changeSequence, id) = changes[index];
                if (changeSequence > round.Upper)
                {
                    break;
                }

                var record = items[id];
                var current = record.Sequence == changeSequence;
                if (!current || (record.Deleted && !round.IncludesDeletions) || round.Repeats.Contains(id))
                {
                    continue;
                }

                if (page.Count == pageSize)
                {
                    return new DeltaPage(page, round with { After = after, Leading = leading }, round.Upper);
                }

                page.Add(record);
                after = changeSequence;
            }

            var trailing = round.Trailing;
            while (trailing < round.Repeats.Count && page.Count < pageSize)
            {
                AddRepeat(page, round.Repeats[trailing++]);
            }

            var next = trailing < round.Repeats.Count
                ? round with { After = round.Upper, Leading = leading, Trailing = trailing }
                : null;
            return new DeltaPage(page, next, round.Upper);
        }
    }

    // A repeat shows the item as it is now, deleted or not; ids come from our own tokens, but a forged one must not crash.
    private void AddRepeat(List<ListItemRecord> page, int id)
    {
        if (items.TryGetValue(id, out var record))
        {
            page.Add(record);
        }
    }

    private int FirstIdIndexAfter(int afterId)
    {
        var ids = items.Keys;
        int low = 0, high = ids.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (ids[middle] <= afterId)
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
}
