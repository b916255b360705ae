namespace Integration.Core.Enterprises;

/// <summary>
/// Which item holds which number (by <see cref="NumberKeying.KeyOf"/>), valid or not: what finds the
/// other holder of a duplicate, and the survivor when one of a pair is corrected or deleted.
/// </summary>
public sealed class NumberHolders
{
    private readonly Dictionary<string, string> _keyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _holders = new(StringComparer.Ordinal);

    public NumberHolders(IEnumerable<KeyValuePair<string, string>> claims)
    {
        foreach (var (id, key) in claims) Set(id, key);
    }

    public IReadOnlyDictionary<string, string> Claims => _keyOf;

    public string? KeyOf(string id) => _keyOf.GetValueOrDefault(id);

    /// <summary>Every item that holds <paramref name="key"/>, but <paramref name="except"/>.</summary>
    public IReadOnlyCollection<string> HoldersOf(string key, string except) =>
        _holders.TryGetValue(key, out var ids) ? ids.Where(i => i != except).ToList() : [];

    /// <summary>Records the item's number now (null: none, or the item is gone).</summary>
    public void Set(string id, string? key)
    {
        if (_keyOf.Remove(id, out var old) && _holders.TryGetValue(old, out var before))
        {
            before.Remove(id);
            if (before.Count == 0) _holders.Remove(old);
        }

        if (key is null) return;
        _keyOf[id] = key;
        if (!_holders.TryGetValue(key, out var ids)) _holders[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        ids.Add(id);
    }
}
