using System.Text.Json.Nodes;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// <c>bicep snapshot</c>: evaluates infra/main.bicep with the given parameters as Azure Resource
/// Manager would (unions, json(), fail(), nested modules), offline, and returns the resources it
/// predicts. Values that only exist once deployed (a resource's reference()) stay expressions.
/// </summary>
internal static class BicepSnapshot
{
    public static SnapshotResult Evaluate(IReadOnlyDictionary<string, string> parameters)
    {
        var folder = Directory.CreateTempSubdirectory("bicep-snapshot-");
        try
        {
            var file = Path.Combine(folder.FullName, "test.bicepparam");
            var lines = new List<string> { $"using '{Path.GetRelativePath(folder.FullName, RepositoryPaths.MainBicep).Replace('\\', '/')}'" };
            var all = new Dictionary<string, string>
            {
                ["environmentName"] = "stockholm-test",
                ["location"] = "swedencentral",
                ["enterprisesPersonalNumberKey"] = "not-a-real-key",
            };
            foreach (var (name, value) in parameters)
            {
                all[name] = value;
            }

            lines.AddRange(all.Select(p => $"param {p.Key} = {Literal(p.Value)}"));
            File.WriteAllLines(file, lines);

            var run = BicepCli.Run(
                "snapshot", file,
                "--subscription-id", "00000000-0000-0000-0000-000000000001",
                "--tenant-id", "00000000-0000-0000-0000-000000000002",
                "--location", "swedencentral");
            var output = Path.ChangeExtension(file, ".snapshot.json");
            var resources = run.ExitCode == 0 && File.Exists(output)
                ? JsonNode.Parse(File.ReadAllText(output))?["predictedResources"]?.AsArray().OfType<JsonObject>().ToList() ?? []
                : [];
            return new SnapshotResult(run.ExitCode, run.StdOut + run.StdErr, resources);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A .bicepparam value: a JSON object or array (for an object parameter such as appSettings) through
    /// json(), anything else a string literal, as every other parameter main.bicep takes from azd is a string.
    /// </summary>
    private static string Literal(string value) =>
        value.StartsWith('{') || value.StartsWith('[') ? $"json({Quoted(value)})" : Quoted(value);

    private static string Quoted(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}

internal sealed record SnapshotResult(int ExitCode, string Output, IReadOnlyList<JsonObject> Resources)
{
    /// <summary>The app settings the deployment would write, key to value.</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var config = Resources.SingleOrDefault(r => (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])?.EndsWith("/appsettings", StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException("The snapshot has no app settings:\n" + Output);
        return config["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "", StringComparer.OrdinalIgnoreCase);
    }
}
