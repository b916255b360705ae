using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Integration.Functions.Tests.Deployment;

internal enum ConfigKeyKind
{
    /// <summary>One setting, e.g. <c>SharePoint__SiteId</c>.</summary>
    Value,

    /// <summary>An open-ended map or list below a prefix, e.g. <c>SharePoint__Fields__&lt;List&gt;__&lt;Column&gt;</c>.</summary>
    Map,

    /// <summary>A connection: a plain value or identity-based sub-keys, e.g. <c>AzureWebJobsStorage__queueServiceUri</c>.</summary>
    Connection,
}

/// <summary>A configuration key in environment-variable form (<c>__</c> between levels).</summary>
internal sealed record ConfigKey(string Name, ConfigKeyKind Kind, string? Default = null)
{
    /// <summary>Whether an app setting named <paramref name="setting"/> sets this key.</summary>
    public bool IsSetBy(string setting) =>
        string.Equals(setting, Name, StringComparison.OrdinalIgnoreCase)
        || (Kind != ConfigKeyKind.Value && setting.StartsWith(Name + "__", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Kind == ConfigKeyKind.Map ? Name + "__*" : Name;
}

/// <summary>The keys the code reads, collected from the options classes rather than a hand-kept list.</summary>
internal static class ConfigurationKeys
{
    public const string CoreNamespace = "Integration.Core";

    /// <summary>Host storage, and Core's table, queue and blob clients (Microsoft.Extensions.Azure).</summary>
    public static readonly ConfigKey HostStorage = new("AzureWebJobsStorage", ConfigKeyKind.Connection);

    /// <summary>
    /// Every top-level options class: a Core type named <c>…Options</c> with a <c>Section</c>
    /// constant, wherever its capability keeps it (Configuration/, MeetingNotes/, CaseSystem/, …).
    /// </summary>
    public static IReadOnlyList<ConfigKey> FromOptions(Assembly assembly) =>
        FromOptions(assembly.GetTypes().Where(t =>
            t.Namespace?.StartsWith(CoreNamespace, StringComparison.Ordinal) == true && t.Name.EndsWith("Options", StringComparison.Ordinal)));

    public static IReadOnlyList<ConfigKey> FromOptions(IEnumerable<Type> types)
    {
        var keys = new List<ConfigKey>();
        foreach (var type in types)
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } section
                && section.GetRawConstantValue() is string name)
            {
                // A section below another (SharePoint:PlanItemStatuses) is written as its setting is.
                Walk(type, name.Replace(":", "__", StringComparison.Ordinal), CreateDefault(type), keys, depth: 0);
            }
        }

        return keys;
    }

    private static void Walk(Type type, string prefix, object? defaults, List<ConfigKey> keys, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var name = prefix + "__" + (property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var value = defaults is null ? null : property.GetValue(defaults);

            // A computed view (IsConfigured, a list split from a setting) is read, never bound.
            if (property.SetMethod is not { IsPublic: true } && (propertyType.IsInterface || IsScalar(propertyType)))
            {
                continue;
            }

            if (IsScalar(propertyType))
            {
                // The binder only sets scalars through a public setter.
                if (property.SetMethod is { IsPublic: true })
                {
                    keys.Add(new ConfigKey(name, ConfigKeyKind.Value, Format(value)));
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                keys.Add(new ConfigKey(name, ConfigKeyKind.Map));
            }
            else if (propertyType.IsClass && depth < 8)
            {
                Walk(propertyType, name, value ?? CreateDefault(propertyType), keys, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
        || type == typeof(Guid) || type == typeof(Uri) || type == typeof(TimeOnly) || type == typeof(DateOnly);

    private static object? CreateDefault(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
