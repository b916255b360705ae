using System.IO.Compression;
using System.Reflection;

namespace Integration.Cli.TeamsApp;

/// <summary>
/// The Teams app package the activity feed needs installed for each recipient: teams-app/manifest.json
/// with the sender's app id put in, and the two icons, zipped flat as Teams expects. The files are
/// embedded in this assembly (Cli.csproj), so the command works from a published CLI as from a clone.
/// </summary>
internal static class TeamsAppPackage
{
    /// <summary>Where teams-app/manifest.json takes the app id. Graph sends a notification only when it equals the caller's app id.</summary>
    public const string AppIdPlaceholder = "${{APP_ID}}";

    public static readonly IReadOnlyList<string> Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>Writes the zip for <paramref name="appId"/>, the client id of the identity that sends the notifications.</summary>
    public static void Write(Guid appId, Stream output)
    {
        if (appId == Guid.Empty)
        {
            throw new ArgumentException("The app id must not be the empty GUID.", nameof(appId));
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in Files)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using var target = entry.Open();
            if (name == "manifest.json")
            {
                var manifest = Manifest();
                if (!manifest.Contains(AppIdPlaceholder, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"teams-app/manifest.json has no {AppIdPlaceholder} to put the app id in.");
                }

                using var writer = new StreamWriter(target, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(manifest.Replace(AppIdPlaceholder, appId.ToString("D"), StringComparison.Ordinal));
            }
            else
            {
                using var source = Open(name);
                source.CopyTo(target);
            }
        }
    }

    /// <summary>The manifest as committed, with the placeholder.</summary>
    public static string Manifest()
    {
        using var reader = new StreamReader(Open("manifest.json"));
        return reader.ReadToEnd();
    }

    private static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("TeamsApp/" + name)
        ?? throw new InvalidOperationException($"teams-app/{name} is not embedded in the CLI; see Cli.csproj.");
}
