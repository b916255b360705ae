namespace Integration.Emulators.Bench;

/// <param name="Fraction">Share of the existing items to change, 0 to 1.</param>
/// <param name="Seed">Same seed on the same list, same changes.</param>
/// <param name="Today">The day the changes are made: new and moved due dates spread around it.</param>
public sealed record MutationRequest(double Fraction, int Seed, DateOnly Today)
{
    /// <summary>For a document-library generator: the library to change (display name); its own when null.</summary>
    public string? Library { get; init; }
}
