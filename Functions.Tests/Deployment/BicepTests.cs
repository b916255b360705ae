namespace Integration.Functions.Tests.Deployment;

/// <summary>Every .bicep file under infra/ compiles and lints clean: a warning is a failure unless bicepconfig.json turns its rule off.</summary>
public class BicepTests
{
    private static IReadOnlyList<string> BicepFiles =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryPaths.Infra, file))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_bicep_file_builds_without_warnings()
    {
        var build = BicepBuild.Result;

        Assert.True(build.ExitCode == 0, $"bicep build failed:\n{build.StdErr}");
        Assert.Empty(build.Diagnostics);
        Assert.All(BicepFiles, file =>
            Assert.True(File.Exists(Path.Combine(BicepBuild.OutputDirectory, Path.ChangeExtension(file, ".json"))), $"{file} was not compiled."));
    }

    [Fact]
    public void Every_bicep_file_lints_clean()
    {
        var lint = BicepCli.Run("lint", "--pattern", "infra/**/*.bicep", "--no-restore");

        Assert.True(lint.ExitCode == 0, $"bicep lint failed:\n{lint.StdErr}");
        Assert.Empty(lint.Diagnostics);
    }

    [Fact]
    public void Infra_has_the_entry_point_and_its_modules()
    {
        Assert.Contains("main.bicep", BicepFiles);
        Assert.Contains(BicepFiles, file => file.StartsWith("modules", StringComparison.Ordinal));
    }

    [Fact]
    public void No_module_comes_from_a_registry()
    {
        // br:/ts: references need the public registry, which CI cannot reach.
        Assert.All(BicepFiles, file =>
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Infra, file));
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        });
    }
}
