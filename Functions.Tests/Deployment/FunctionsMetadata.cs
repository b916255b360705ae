using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The settings the Functions host resolves for the triggers: each binding's <c>connection</c>, and
/// every <c>%Name%</c> placeholder (e.g. <c>%Schedules:NightlySync%</c>). Read from the
/// functions.metadata that the worker SDK writes to the build output.
/// </summary>
internal static partial class FunctionsMetadata
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    public static IReadOnlyList<ConfigKey> SettingsReadByBindings(string json)
    {
        var keys = new List<ConfigKey>();
        foreach (var function in JsonNode.Parse(json)?.AsArray() ?? [])
        {
            foreach (var binding in function?["bindings"]?.AsArray() ?? [])
            {
                foreach (var (property, value) in binding?.AsObject() ?? [])
                {
                    if (value is not JsonValue jsonValue || !jsonValue.TryGetValue<string>(out var text))
                    {
                        continue;
                    }

                    if (string.Equals(property, "connection", StringComparison.OrdinalIgnoreCase) && !text.Contains('%', StringComparison.Ordinal))
                    {
                        keys.Add(new ConfigKey(text, ConfigKeyKind.Connection));
                    }

                    keys.AddRange(Placeholder().Matches(text).Select(m =>
                        new ConfigKey(m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal), ConfigKeyKind.Value)));
                }
            }
        }

        return keys.Distinct().ToList();
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
