namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The comparisons between what the code reads, what the Bicep sets and what the docs promise.
/// Pure functions: each returns the offending keys, empty when both sides agree.
/// </summary>
internal static class ConfigurationContract
{
    /// <summary>
    /// Settings the Bicep writes that no code reads, each with the reason it is there anyway.
    /// Add an entry only for a setting that the platform (host, runtime, SDK) reads.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformSettings =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Where the Functions host (and the worker's telemetry) sends logs and traces.",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Entra ID ingestion as the app identity; the component has local (key) auth disabled.",
        };

    /// <summary>Keys the code reads that are neither set by the deployment nor documented with a default or as optional.</summary>
    public static IReadOnlyList<string> UnsetKeys(
        IEnumerable<ConfigKey> codeKeys, IEnumerable<string> appSettings, IEnumerable<DocumentedKey> documented)
    {
        var settings = appSettings.ToList();
        var docs = documented.ToList();
        return codeKeys
            .Where(key => key.Kind switch
            {
                // A map is open-ended: nothing to set, but its shape must be documented.
                ConfigKeyKind.Map => !docs.Any(doc => key.IsSetBy(doc.Prefix)),
                _ => !settings.Any(key.IsSetBy)
                    && !docs.Any(doc => doc.HasDefaultOrOptional && string.Equals(doc.Key, key.Name, StringComparison.OrdinalIgnoreCase)),
            })
            .Select(key => key.ToString())
            .ToList();
    }

    /// <summary>App settings that neither the code nor the platform reads.</summary>
    public static IReadOnlyList<string> UnreadSettings(
        IEnumerable<string> appSettings, IEnumerable<ConfigKey> codeKeys, IReadOnlyDictionary<string, string> platformSettings)
    {
        var keys = codeKeys.ToList();
        return appSettings
            .Where(setting => !platformSettings.ContainsKey(setting) && !keys.Any(key => key.IsSetBy(setting)))
            .ToList();
    }

    /// <summary>Settings a trigger binding resolves that the deployment does not set.</summary>
    public static IReadOnlyList<string> UnsetBindingSettings(IEnumerable<ConfigKey> bindingKeys, IEnumerable<string> appSettings)
    {
        var settings = appSettings.ToList();
        return bindingKeys.Where(key => !settings.Any(key.IsSetBy)).Select(key => key.ToString()).ToList();
    }

    /// <summary>Settings whose deployed default differs from the code's default, as "key: bicep ≠ code".</summary>
    public static IReadOnlyList<string> DifferentDefaults(IEnumerable<ConfigKey> codeKeys, IReadOnlyDictionary<string, string> appSettings)
    {
        var differences = new List<string>();
        foreach (var key in codeKeys.Where(k => k.Kind == ConfigKeyKind.Value && !string.IsNullOrEmpty(k.Default)))
        {
            // Values computed at deploy time ("[...]") and empty parameters are not defaults to compare.
            if (appSettings.TryGetValue(key.Name, out var deployed) && deployed.Length > 0 && !deployed.StartsWith('[')
                && !string.Equals(deployed, key.Default, StringComparison.Ordinal))
            {
                differences.Add($"{key.Name}: bicep '{deployed}' ≠ code '{key.Default}'");
            }
        }

        return differences;
    }

    /// <summary>
    /// Keys the code reads that a deployment cannot set: neither composed by the template nor accepted
    /// in APP_SETTINGS (the template refuses the storage connection's identity settings and a secret
    /// in clear; a secret it takes only as a Key Vault reference, which is a way in).
    /// </summary>
    public static IReadOnlyList<string> KeysWithNoWayIn(
        IEnumerable<ConfigKey> codeKeys, IEnumerable<string> templateSettings, Func<string, bool> refusedInAppSettings)
    {
        var settings = templateSettings.ToList();
        return codeKeys
            .Where(key => !settings.Any(key.IsSetBy) && refusedInAppSettings(key.Kind == ConfigKeyKind.Map ? key.Name + "__x" : key.Name))
            .Select(key => key.ToString())
            .ToList();
    }

    /// <summary>Keys whose name says they hold a secret but which APP_SETTINGS would take in clear.</summary>
    public static IReadOnlyList<string> UnguardedSecrets(IEnumerable<ConfigKey> codeKeys, IEnumerable<string> secretSettingKeys)
    {
        var secrets = secretSettingKeys.ToList();
        return codeKeys
            .Where(key => LooksSecret(key.Name) && !secrets.Any(s => string.Equals(s, key.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(key => key.ToString())
            .ToList();
    }

    private static bool LooksSecret(string name)
    {
        var last = name.Split("__")[^1];
        return last.Contains("Secret", StringComparison.OrdinalIgnoreCase)
            || last.Contains("Password", StringComparison.OrdinalIgnoreCase)
            || last.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
            || last.Contains("Webhook", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith("Key", StringComparison.OrdinalIgnoreCase);
    }
}
