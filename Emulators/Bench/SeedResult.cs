namespace Integration.Emulators.Bench;

/// <param name="Count">Items in the list after seeding (more than the request's count when the list already held some).</param>
public sealed record SeedResult(string SiteId, string ListId, int Count)
{
    /// <summary>For a document library: the bytes of all its files after seeding.</summary>
    public long Bytes { get; init; }
}
