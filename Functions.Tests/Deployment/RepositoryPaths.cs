namespace Integration.Functions.Tests.Deployment;

/// <summary>Where the infra files are, found from the test output directory so any clone works.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");

    /// <summary>Files that hold the configuration reference table, in the order they are read.</summary>
    public static IEnumerable<string> ConfigurationDocs =>
        new[] { "README.md", Path.Combine("docs", "configuration.md") }
            .Select(file => Path.Combine(Root, file))
            .Where(File.Exists);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Integration.sln above {AppContext.BaseDirectory}.");
    }
}
