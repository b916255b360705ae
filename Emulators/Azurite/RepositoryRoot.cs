namespace Integration.Emulators.Azurite;

/// <summary>Finds the checkout (where package.json pins Azurite) from wherever a build output runs.</summary>
public static class RepositoryRoot
{
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integration.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Integration.sln next to package.json) above " + (start ?? AppContext.BaseDirectory));
    }
}
