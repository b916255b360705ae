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

    /// <summary>Everything the code and the host read.</summary>
    private static IReadOnlyList<ConfigKey> CodeKeys => [ConfigurationKeys.HostStorage, .. OptionKeys, .. BindingKeys];

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
    public void Every_registered_source_setting_is_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        var sources = SyncSources.From(new ServiceCollection().AddIntegration(configuration));

        Assert.NotEmpty(sources.All);
        Assert.All(sources.All, source => Assert.Contains(OptionKeys, k => k.Name == source.SettingKey && k.Kind == ConfigKeyKind.Value));
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
