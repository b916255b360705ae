using System.Text.Json;

namespace Integration.Emulators.Graph;

/// <summary>
/// A list item's own column values, in the order they were first set. Immutable, and values
/// are <see cref="JsonElement"/>s (immutable too), so concurrent readers need no lock.
/// </summary>
internal sealed class FieldSet
{
    public static readonly FieldSet Empty = new([]);

    private readonly KeyValuePair<string, JsonElement>[] entries;

    private FieldSet(KeyValuePair<string, JsonElement>[] entries) => this.entries = entries;

    public IReadOnlyList<KeyValuePair<string, JsonElement>> Entries => entries;

    /// <summary>
    /// The properties of one JSON object as columns. They share that object's document, so bulk seeding
    /// makes one document per item instead of one per value.
    /// </summary>
    public static FieldSet FromObject(JsonElement item) =>
        new([.. item.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value))]);

    public bool TryGet(string name, out JsonElement value)
    {
        foreach (var entry in entries)
        {
            if (entry.Key == name)
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A copy with the changes applied; a null value clears the column, as SharePoint does.</summary>
    public FieldSet Merge(IEnumerable<KeyValuePair<string, JsonElement?>> changes)
    {
        var merged = new List<KeyValuePair<string, JsonElement>>(entries);
        foreach (var (name, value) in changes)
        {
            var index = merged.FindIndex(e => e.Key == name);
            if (value is null)
            {
                if (index >= 0)
                {
                    merged.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                merged[index] = new(name, value.Value);
            }
            else
            {
                merged.Add(new(name, value.Value));
            }
        }

        return new FieldSet([.. merged]);
    }
}
