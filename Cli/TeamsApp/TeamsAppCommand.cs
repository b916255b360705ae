namespace Integration.Cli.TeamsApp;

/// <summary><c>teams-app --app-id &lt;guid&gt; --output &lt;file.zip&gt;</c>: writes the Teams app package.</summary>
internal static class TeamsAppCommand
{
    /// <summary>Exit 0 written, 2 a bad app id or output path.</summary>
    public static int Run(string? appId, string? output, TextWriter stdout, TextWriter stderr)
    {
        // The exact form Entra shows a client id in; braces or bare hex are refused so a paste error is caught.
        if (string.IsNullOrWhiteSpace(appId) || !Guid.TryParseExact(appId.Trim(), "D", out var id) || id == Guid.Empty)
        {
            stderr.WriteLine($"--app-id must be the client id of the identity that sends the notifications, a GUID like 00000000-0000-0000-0000-000000000000; got '{appId}'.");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(output) || !output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"--output must name a .zip file; got '{output}'.");
            return 2;
        }

        var path = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            stderr.WriteLine($"--output: the folder {folder} does not exist.");
            return 2;
        }

        using (var file = File.Create(path))
        {
            TeamsAppPackage.Write(id, file);
        }

        stdout.WriteLine($"Wrote {path} for app id {id:D}. Upload it in the Teams admin center (docs/teams-notifications.md#the-teams-app).");
        return 0;
    }
}
