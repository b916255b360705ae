using Integration.Core.Configuration;
using Integration.Core.Hosting;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// The configuration contract between the code, the Bicep app settings, the trigger bindings and
/// the configuration reference in docs/configuration.md. A key added to one side alone fails here.
/// </summary>
public class ConfigurationContractTests
{
    private static IReadOnlyList<ConfigKey> OptionKeys => ConfigurationKeys.FromOptions(typeof(SharePointOptions).Assembly);

    private static IReadOnlyList<ConfigKey> BindingKeys => File.Exists(FunctionsMetadata.FilePath)
        ? FunctionsMetadata.SettingsReadByBindings(File.ReadAllText(FunctionsMetadata.FilePath))
        : throw new FileNotFoundException("The Functions build writes functions.metadata; this project references it.", FunctionsMetadata.FilePath);

    /// <summary>The list and library settings of the sources the modules register, each read on its own.</summary>
    private static IReadOnlyList<ConfigKey> SourceKeys
    {
        get
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
            return SyncSources.From(new ServiceCollection().AddIntegration(configuration)).All.Select(s => new ConfigKey(s.SettingKey, ConfigKeyKind.Value)).ToList();
        }
    }

    /// <summary>Everything the code and the host read.</summary>
    private static IReadOnlyList<ConfigKey> CodeKeys => [ConfigurationKeys.HostStorage, .. OptionKeys, .. SourceKeys, .. BindingKeys];

    private static IReadOnlyDictionary<string, string> AppSettings => ArmTemplate.Main.AppSettings();

    private static IReadOnlyList<DocumentedKey> Documented
    {
        get
        {
            var keys = RepositoryPaths.ConfigurationDocs.SelectMany(file => ConfigurationReference.Parse(File.ReadAllText(file))).ToList();
            Assert.True(keys.Count > 0,
                "No configuration reference table found in README.md or docs/configuration.md. Expected rows like: | `SharePoint__PageSize` | items per Graph page | default `200` |");
            return keys;
        }
    }

    [Fact]
    public void Options_classes_are_found()
    {
        Assert.Contains(OptionKeys, k => k.Name == "SharePoint__SiteId");
        Assert.Contains(OptionKeys, k => k.Name == "Schedules__NightlySync");
    }

    [Fact]
    public void Every_registered_source_setting_is_bound_by_the_SharePoint_options()
    {
        Assert.Contains(SourceKeys, k => k.Name == "SharePoint__Lists__Agreements");
        Assert.All(SourceKeys, source => Assert.Contains(OptionKeys, k => k.Kind == ConfigKeyKind.Map && k.IsSetBy(source.Name)));
    }

    [Fact]
    public void Every_key_the_code_reads_is_set_by_the_bicep_or_documented_with_a_default()
    {
        var unset = ConfigurationContract.UnsetKeys(CodeKeys, AppSettings.Keys, Documented);

        Assert.True(unset.Count == 0,
            "Set these in infra/main.bicep (appSettings) or document them with a default or as optional in docs/configuration.md: "
            + string.Join(", ", unset));
    }

    [Fact]
    public void Every_app_setting_in_the_bicep_is_read_by_the_code_or_the_platform()
    {
        var unread = ConfigurationContract.UnreadSettings(AppSettings.Keys, CodeKeys, ConfigurationContract.PlatformSettings);

        Assert.True(unread.Count == 0,
            "No options class or binding reads these app settings from infra/main.bicep: " + string.Join(", ", unread));
    }

    [Fact]
    public void Every_setting_a_trigger_binding_names_is_an_app_setting()
    {
        var unset = ConfigurationContract.UnsetBindingSettings(BindingKeys, AppSettings.Keys);

        Assert.True(unset.Count == 0, "functions.metadata refers to settings the Bicep does not set: " + string.Join(", ", unset));
    }

    [Fact]
    public void Bicep_defaults_equal_the_code_defaults()
    {
        var different = ConfigurationContract.DifferentDefaults(OptionKeys, AppSettings);

        Assert.True(different.Count == 0, string.Join("; ", different));
    }

    [Fact]
    public void Graph_is_reached_with_the_app_identity()
    {
        var settings = AppSettings;

        Assert.Equal(nameof(GraphAuthMode.ManagedIdentity), settings["SharePoint__Auth"]);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["SharePoint__ClientId"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
    }

    /// <summary>The keys main.bicep refuses in APP_SETTINGS unless given as a Key Vault reference.</summary>
    private static IReadOnlyList<string> SecretSettingKeys =>
        ArmTemplate.Main.Root["variables"]?["secretSettingKeys"]?.AsArray().Select(k => (string?)k ?? "").ToList()
        ?? throw new InvalidOperationException("main.bicep has no secretSettingKeys variable.");

    /// <summary>What main.bicep's refusedSettings refuses, for a key given with a value in clear.</summary>
    private static bool RefusedInClear(string key) =>
        key.StartsWith("AzureWebJobsStorage__", StringComparison.OrdinalIgnoreCase)
        || SecretSettingKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Every_key_the_code_reads_has_a_way_in_through_the_template_or_APP_SETTINGS()
    {
        // Secrets have their way in as Key Vault references; what is left is what nothing can set.
        var noWayIn = ConfigurationContract.KeysWithNoWayIn(
            CodeKeys, AppSettings.Keys, key => RefusedInClear(key) && !SecretSettingKeys.Contains(key, StringComparer.OrdinalIgnoreCase));

        Assert.True(noWayIn.Count == 0,
            "No azd value, template setting or APP_SETTINGS entry can set these: " + string.Join(", ", noWayIn));
    }

    [Fact]
    public void Every_secret_the_code_reads_is_refused_in_clear_by_APP_SETTINGS()
    {
        var unguarded = ConfigurationContract.UnguardedSecrets(CodeKeys, SecretSettingKeys);

        Assert.True(unguarded.Count == 0,
            "These look like secrets, but APP_SETTINGS would take them in clear; add them to secretSettingKeys in infra/main.bicep: "
            + string.Join(", ", unguarded));
        Assert.All(SecretSettingKeys.Where(k => AppSettings.ContainsKey(k)), key =>
            Assert.StartsWith("[format('@Microsoft.KeyVault(", AppSettings[key], StringComparison.Ordinal));
    }
}
