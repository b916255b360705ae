using Integration.Emulators.Graph;

namespace Integration.Emulators.Bench;

/// <summary>
/// One source of the nightly sync, scaled up in the stand-in for a benchmark: it fills the source
/// deterministically from a seed, then changes a fraction of it between two runs. The meeting notes and
/// the social-enterprise register join the bench as one more implementation each.
/// </summary>
public interface IBenchGenerator
{
    /// <summary>The source's name in control URLs (<c>/_standin/{source}/seed</c>) and bench rows, e.g. <c>plan-items</c>.</summary>
    string Source { get; }

    /// <summary>Creates the source's site and list (or reuses them) and adds <see cref="SeedRequest.Count"/> items.</summary>
    SeedResult Seed(SharePointState state, SeedRequest request);

    /// <summary>Edits, deletes and adds items, about <see cref="MutationRequest.Fraction"/> of those that exist.</summary>
    MutationResult Mutate(SharePointState state, MutationRequest request);
}
