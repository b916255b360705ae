namespace Integration.Emulators.Bench;

/// <param name="Count">Items to add.</param>
/// <param name="Seed">Same seed, same items.</param>
/// <param name="Today">The day the data is made for: due dates spread around it.</param>
/// <param name="Owners">People the items are spread over, entered in the site's User Information List.</param>
public sealed record SeedRequest(int Count, int Seed, DateOnly Today, int Owners = 200)
{
    /// <summary>For a document-library generator: the library to fill (display name); its own when null.</summary>
    public string? Library { get; init; }

    /// <summary>For a document-library generator: the smallest file in bytes; its default when 0.</summary>
    public long MinBytes { get; init; }

    /// <summary>For a document-library generator: the largest file in bytes; its default when 0.</summary>
    public long MaxBytes { get; init; }
}
