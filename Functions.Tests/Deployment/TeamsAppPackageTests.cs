using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Integration.Cli.TeamsApp;
using Integration.Core.Notifications;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The Teams app package the <c>teams-app</c> command writes: built with the CLI's own code, its
/// manifest validated against the published schema of its manifestVersion (@microsoft/app-manifest,
/// pinned in package.json) by tools/teams-app/validate-manifest.mjs, and its icons as Teams wants them.
/// </summary>
public class TeamsAppPackageTests
{
    private static readonly Guid AppId = Guid.Parse("3f2a1c7e-9b4d-4e8a-b1c6-0d5e7f9a2b31");

    [Fact]
    public void The_package_the_command_writes_validates_against_the_published_manifest_schema()
    {
        var folder = Directory.CreateTempSubdirectory("teams-app-");
        try
        {
            var zipPath = Path.Combine(folder.FullName, "app.zip");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            Assert.Equal(0, TeamsAppCommand.Run(AppId.ToString(), zipPath, stdout, stderr));

            using var zip = ZipFile.OpenRead(zipPath);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            var manifestPath = Path.Combine(folder.FullName, "manifest.json");
            zip.GetEntry("manifest.json")!.ExtractToFile(manifestPath);

            var (exit, output) = Validate(manifestPath);
            Assert.True(exit == 0, $"The Teams manifest schema rejects teams-app/manifest.json:\n{output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_validator_rejects_a_manifest_the_schema_does_not_allow()
    {
        var broken = JsonNode.Parse(Substituted())!.AsObject();
        broken["name"]!["short"] = new string('x', 31); // the schema's limit is 30
        broken["unknownField"] = true;
        var path = Path.Combine(Path.GetTempPath(), $"teams-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, broken.ToJsonString());
        try
        {
            var (exit, output) = Validate(path);

            Assert.Equal(1, exit);
            Assert.Contains("/name/short", output, StringComparison.Ordinal);
            Assert.Contains("additional properties", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_manifest_names_the_sender_in_Swedish_for_Stockholms_stad()
    {
        var manifest = JsonNode.Parse(Substituted())!;

        Assert.Equal(AppId.ToString("D"), (string?)manifest["webApplicationInfo"]?["id"]);
        Assert.Equal("sv-se", (string?)manifest["localizationInfo"]?["defaultLanguageTag"]);
        Assert.Equal("Stockholms stad", (string?)manifest["developer"]?["name"]);
        Assert.Matches(@"^1\.\d+$", (string?)manifest["manifestVersion"]);
        Assert.Contains("handlingsplan", (string?)manifest["name"]?["full"], StringComparison.OrdinalIgnoreCase);
        // The id Teams knows the app by stays the same across versions, so an upload replaces the app.
        Assert.True(Guid.TryParse((string?)manifest["id"], out var teamsAppId) && teamsAppId != AppId);
    }

    [Fact]
    public void Every_activity_type_the_notifications_send_is_declared_or_reserved()
    {
        var declared = JsonNode.Parse(Substituted())!["activities"]?["activityTypes"]?.AsArray()
            .Select(t => (string?)t?["type"]).ToList() ?? [];

        // systemDefault is reserved by Teams and must not be declared; any other type must be.
        string[] sent = [GraphActivityFeed.ActivityType];
        Assert.All(sent, type =>
        {
            if (type == "systemDefault")
            {
                Assert.DoesNotContain(type, declared);
            }
            else
            {
                Assert.Contains(type, declared);
            }
        });
    }

    [Fact]
    public void The_icons_are_a_192_pixel_colour_icon_and_a_32_pixel_white_outline_on_transparent()
    {
        using var package = new MemoryStream();
        TeamsAppPackage.Write(AppId, package);
        package.Position = 0;
        using var zip = new ZipArchive(package);

        var color = Png.Read(zip.GetEntry("color.png")!);
        var outline = Png.Read(zip.GetEntry("outline.png")!);

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(6, outline.ColorType); // RGBA: the outline needs an alpha channel
        Assert.All(outline.Pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(outline.Pixels, p => p.A == 0);
        Assert.Contains(outline.Pixels, p => p.A == 255);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{3f2a1c7e-9b4d-4e8a-b1c6-0d5e7f9a2b31}")]
    [InlineData("")]
    public void A_bad_app_id_is_refused_with_exit_2_and_nothing_written(string appId)
    {
        var path = Path.Combine(Path.GetTempPath(), $"teams-app-{Guid.NewGuid():N}.zip");
        using var stderr = new StringWriter();

        Assert.Equal(2, TeamsAppCommand.Run(appId, path, TextWriter.Null, stderr));
        Assert.Contains("--app-id", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static string Substituted()
    {
        using var package = new MemoryStream();
        TeamsAppPackage.Write(AppId, package);
        package.Position = 0;
        using var zip = new ZipArchive(package);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return reader.ReadToEnd();
    }

    private static (int Exit, string Output) Validate(string manifestPath)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tools", "teams-app", "validate-manifest.mjs");
        var schemas = Path.Combine(RepositoryPaths.Root, "node_modules", "@microsoft", "app-manifest");
        Assert.True(Directory.Exists(schemas), $"@microsoft/app-manifest is not in node_modules ({schemas}): run npm ci.");

        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(manifestPath);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("The manifest validator ran longer than a minute.");
        }

        node.WaitForExit();
        return (node.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Just enough of PNG to read the size, colour type and 8-bit RGBA pixels the icon script writes.</summary>
    private sealed record Png(int Width, int Height, int ColorType, IReadOnlyList<(byte R, byte G, byte B, byte A)> Pixels)
    {
        public static Png Read(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
            int width = 0, height = 0, colorType = 0, bitDepth = 0;
            using var idat = new MemoryStream();
            for (var at = 8; at < bytes.Length;)
            {
                var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var data = bytes.AsSpan(at + 8, length);
                if (type == "IHDR")
                {
                    width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data);
                    height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    (bitDepth, colorType) = (data[8], data[9]);
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }

                at += 12 + length;
            }

            if (colorType != 6 || bitDepth != 8)
            {
                return new Png(width, height, colorType, []);
            }

            idat.Position = 0;
            using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            inflate.CopyTo(raw);
            var rows = raw.ToArray();
            var pixels = new List<(byte, byte, byte, byte)>();
            var stride = (width * 4) + 1;
            for (var y = 0; y < height; y++)
            {
                // The icon script writes every row unfiltered; another filter would need undoing first.
                Assert.Equal(0, rows[y * stride]);
                for (var x = 0; x < width; x++)
                {
                    var i = (y * stride) + 1 + (x * 4);
                    pixels.Add((rows[i], rows[i + 1], rows[i + 2], rows[i + 3]));
                }
            }

            return new Png(width, height, colorType, pixels);
        }
    }
}
