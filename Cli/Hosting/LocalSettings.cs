using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Integration.Cli.Hosting;

/// <summary>
/// Lets the CLI read the same <c>local.settings.json</c> as <c>func start</c>: its <c>Values</c>
/// use <c>__</c> for nesting, as environment variables do.
/// </summary>
internal static class LocalSettings
{
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string directory)
    {
        var path = Path.Combine(directory, "local.settings.json");
        if (!File.Exists(path)) return builder;

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>();
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
