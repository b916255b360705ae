using Integration.Functions.Tests.Deployment;

namespace Integration.Functions.Tests.Harness;

/// <summary>
/// The vendors' public reference files (examples, collections, response shapes), kept in
/// <c>shared/reference/</c> beside the checkout. This team's checkouts and CI have them; a plain clone
/// does not. A test that reads them is a <c>[SkippableFact]</c> and, where they are absent, reports
/// itself skipped with the reason instead of failing.
/// </summary>
internal static class ReferenceFiles
{
    /// <summary>Public 360° SIF: the Postman collection and the <c>*Args.json</c>/<c>*Response.json</c> examples.</summary>
    public const string Sif = "public360-sif";

    /// <summary>Where a set of reference files is expected: <c>../shared/reference/&lt;set&gt;</c> from the repository's root.</summary>
    public static string Folder(string set) =>
        Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "reference", set));

    /// <summary>Why the set cannot be read here, or <c>null</c> when it is beside the clone.</summary>
    public static string? Missing(string set) =>
        Directory.Exists(Folder(set))
            ? null
            : $"the public reference files are not beside this clone: ../shared/reference/{set} is missing (looked for {Folder(set)})";

    /// <summary>The path of one file of a set; skips the calling test, saying why, when the set is absent.</summary>
    public static string PathOf(string set, string file)
    {
        var missing = Missing(set);
        Skip.If(missing is not null, missing);
        return Path.Combine(Folder(set), file);
    }
}
