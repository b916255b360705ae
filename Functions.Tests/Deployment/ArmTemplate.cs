using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of infra/main.bicep, with the few lookups the tests
/// need. Modules are nested deployments with inline templates; values are followed through
/// <c>parameters('…')</c> and <c>variables('…')</c>, which is all the Bicep here uses for names and
/// setting keys. Anything computed further stays an expression and fails the test that needs it.
/// </summary>
internal sealed partial class ArmTemplate
{
    private static readonly Lazy<ArmTemplate> LazyMain = new(() => Parse(BicepBuild.Main));

    private readonly Scope root;

    private ArmTemplate(JsonObject template) => root = new Scope(template, null, null);

    public static ArmTemplate Main => LazyMain.Value;

    public JsonObject Root => root.Template;

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Not an ARM template.", nameof(json)));

    /// <summary>Every resource this deployment creates, in every nested module, with the scope it lives in.</summary>
    public IEnumerable<(JsonObject Resource, Scope Scope)> Resources() => Resources(root);

    /// <summary>The main template and every module template inside it.</summary>
    public IEnumerable<Scope> Templates() =>
        Resources().Select(r => r.Scope).Prepend(root).Distinct(ReferenceEqualityComparer.Instance).Cast<Scope>();

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources().Where(r => IsType(r.Resource, type)).Select(r => r.Resource);

    /// <summary>The names a resource type is created with, loops expanded, last name segment only.</summary>
    public IReadOnlyList<string> NamesOf(string type)
    {
        var names = new List<string>();
        foreach (var (resource, scope) in Resources().Where(r => IsType(r.Resource, type)))
        {
            var name = (string?)resource["name"] ?? "";
            var loop = CopyIndexedArray().Match(name);
            if (resource["copy"] is not null && loop.Success)
            {
                var (items, itemsScope) = scope.Resolve(JsonValue.Create($"[{loop.Groups[1].Value}('{loop.Groups[2].Value}')]"));
                names.AddRange((items as JsonArray ?? []).Select(item => Text(itemsScope.Resolve(item).Node)));
            }
            else
            {
                names.Add(Text(scope.Resolve(JsonValue.Create(name)).Node).Split('/')[^1]);
            }
        }

        return names;
    }

    /// <summary>
    /// Every app setting the deployment writes to a site, key to value. A value that comes from a
    /// template parameter shows that parameter's default; anything computed at deploy time stays an
    /// ARM expression.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (resource, scope) in Resources().Where(r => IsType(r.Resource, "Microsoft.Web/sites/config")))
        {
            if (!((string?)resource["name"] ?? "").Contains("appsettings", StringComparison.Ordinal))
            {
                continue;
            }

            var (properties, propertiesScope) = scope.Resolve(resource["properties"]);

            // The function app merges the APP_SETTINGS object over the template's own settings:
            // union(parameters('appSettings'), …). The keys checked here are the template's own, the first argument.
            if (properties is JsonValue merged && merged.TryGetValue<string>(out var expression)
                && MergedSettings().Match(expression) is { Success: true } union)
            {
                (properties, propertiesScope) = propertiesScope.Resolve(JsonValue.Create($"[{union.Groups[1].Value}('{union.Groups[2].Value}')]"));
            }

            if (properties is not JsonObject settingsObject)
            {
                throw new InvalidOperationException(
                    "The app settings are not a plain object in the compiled template; keep them an object literal in main.bicep so their keys can be checked.");
            }

            foreach (var (key, value) in settingsObject)
            {
                settings[key] = Text(propertiesScope.Resolve(value).Node);
            }
        }

        return settings;
    }

    private static IEnumerable<(JsonObject, Scope)> Resources(Scope scope)
    {
        foreach (var resource in Items(scope.Template["resources"]).OfType<JsonObject>())
        {
            // languageVersion 2.0 lists `existing` references among resources; they create nothing.
            if (resource["existing"] is JsonValue existing && existing.TryGetValue<bool>(out var isExisting) && isExisting)
            {
                continue;
            }

            yield return (resource, scope);

            if (IsType(resource, "Microsoft.Resources/deployments") && resource["properties"]?["template"] is JsonObject nested)
            {
                var inner = new Scope(nested, resource["properties"]?["parameters"] as JsonObject, scope);
                foreach (var child in Resources(inner))
                {
                    yield return child;
                }
            }
        }
    }

    // languageVersion 1.0 has a resources array, 2.0 an object keyed by symbolic name.
    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject map => map.Select(p => p.Value),
        _ => [],
    };

    private static bool IsType(JsonObject resource, string type) =>
        string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase);

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";

    [GeneratedRegex(@"(variables|parameters)\('([^']+)'\)\[copyIndex\(\)\]")]
    private static partial Regex CopyIndexedArray();

    [GeneratedRegex(@"^\[union\((parameters|variables)\('([^']+)'\),")]
    private static partial Regex MergedSettings();

    [GeneratedRegex(@"^\[(parameters|variables)\('([^']+)'\)\]$")]
    private static partial Regex SimpleReference();

    /// <summary>One template, the parameter values its parent deployment passes in, and that parent.</summary>
    internal sealed record Scope(JsonObject Template, JsonObject? PassedParameters, Scope? Parent)
    {
        /// <summary>Follows parameters('…') and variables('…') to a value, and returns the scope that value belongs to.</summary>
        public (JsonNode? Node, Scope Scope) Resolve(JsonNode? node)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var text)
                || SimpleReference().Match(text) is not { Success: true } reference)
            {
                return (node, this);
            }

            var name = reference.Groups[2].Value;
            if (reference.Groups[1].Value == "variables")
            {
                return Resolve(Template["variables"]?[name]);
            }

            if (PassedParameters?[name]?["value"] is { } passed && Parent is not null)
            {
                return Parent.Resolve(passed);
            }

            return Template["parameters"]?[name]?["defaultValue"] is { } defaultValue ? Resolve(defaultValue) : (node, this);
        }
    }
}

/// <summary>Compiles every .bicep file under infra/ once per test run, into the test output directory.</summary>
internal static class BicepBuild
{
    private static readonly Lazy<(BicepResult Result, string OutputDirectory)> LazyBuild = new(Build);

    public static BicepResult Result => LazyBuild.Value.Result;

    public static string OutputDirectory => LazyBuild.Value.OutputDirectory;

    public static string Main => File.ReadAllText(Path.Combine(OutputDirectory, "main.json"));

    private static (BicepResult, string) Build()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "infra-build");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // --no-restore: every module is a local file; the public registry is not reachable from CI.
        var result = BicepCli.Run("build", "--pattern", "infra/**/*.bicep", "--outdir", output, "--no-restore");
        return (result, output);
    }
}
