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
}
