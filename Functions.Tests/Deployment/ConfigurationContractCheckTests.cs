namespace Integration.Functions.Tests.Deployment;

/// <summary>The contract checks themselves, on synthetic key sets: each side alone is caught.</summary>
public class ConfigurationContractCheckTests
{
    private static readonly ConfigKey SiteId = new("SharePoint__SiteId", ConfigKeyKind.Value);
    private static readonly ConfigKey PageSize = new("SharePoint__PageSize", ConfigKeyKind.Value, "200");
    private static readonly ConfigKey Fields = new("SharePoint__Fields", ConfigKeyKind.Map);

    [Fact]
    public void A_key_only_in_the_code_is_reported()
    {
        var unset = ConfigurationContract.UnsetKeys([SiteId, PageSize], ["SharePoint__SiteId"], []);

        Assert.Equal(["SharePoint__PageSize"], unset);
    }

    [Fact]
    public void A_key_documented_with_a_default_or_as_optional_need_not_be_set()
    {
        var documented = ConfigurationReference.Parse("""
            | key | meaning | default |
            |---|---|---|
            | `SharePoint__PageSize` | items per page | default `200` |
            | `SharePoint__TenantId` | tenant | optional; ClientSecret mode only |
            | `SharePoint__SiteId` | site id | |
            """);
        var tenant = new ConfigKey("SharePoint__TenantId", ConfigKeyKind.Value);

        Assert.Empty(ConfigurationContract.UnsetKeys([PageSize, tenant], [], documented));
        Assert.Equal(["SharePoint__SiteId"], ConfigurationContract.UnsetKeys([SiteId], [], documented));
    }

    [Fact]
    public void A_map_needs_documenting_not_setting()
    {
        var documented = ConfigurationReference.Parse("| `SharePoint__Fields__<List>__<Column>` | internal column name | optional |");

        Assert.Empty(ConfigurationContract.UnsetKeys([Fields], [], documented));
        Assert.Equal(["SharePoint__Fields__*"], ConfigurationContract.UnsetKeys([Fields], ["SharePoint__Fields__PlanItems__DueDate"], []));
    }

    [Fact]
    public void A_setting_only_in_the_bicep_is_reported()
    {
        var unread = ConfigurationContract.UnreadSettings(
            ["SharePoint__SiteId", "SharePoint__Sitid", "APPLICATIONINSIGHTS_CONNECTION_STRING"],
            [SiteId],
            ConfigurationContract.PlatformSettings);

        Assert.Equal(["SharePoint__Sitid"], unread);
    }

    [Fact]
    public void Identity_based_connection_settings_belong_to_their_connection()
    {
        string[] settings = ["AzureWebJobsStorage__credential", "AzureWebJobsStorage__queueServiceUri"];

        Assert.Empty(ConfigurationContract.UnreadSettings(settings, [ConfigurationKeys.HostStorage], new Dictionary<string, string>()));
        Assert.Empty(ConfigurationContract.UnsetKeys([ConfigurationKeys.HostStorage], settings, []));
        Assert.Equal(["AzureWebJobsStorage__credential"], ConfigurationContract.UnreadSettings(settings, [SiteId with { Name = "AzureWebJobsStorage__queueServiceUri" }], new Dictionary<string, string>()));
    }

    [Fact]
    public void Binding_connections_and_placeholders_must_be_app_settings()
    {
        var bindings = FunctionsMetadata.SettingsReadByBindings("""
            [
              { "name": "NightlySync", "bindings": [ { "type": "timerTrigger", "schedule": "%Schedules:NightlySync%" } ] },
              { "name": "SyncSource", "bindings": [ { "type": "queueTrigger", "queueName": "sync-source", "connection": "AzureWebJobsStorage" } ] },
              { "name": "Notify", "bindings": [ { "type": "queueTrigger", "queueName": "%Queues:Notify%", "connection": "OtherStorage" } ] }
            ]
            """);

        var unset = ConfigurationContract.UnsetBindingSettings(bindings, ["Schedules__NightlySync", "AzureWebJobsStorage__queueServiceUri"]);

        Assert.Equal(["OtherStorage", "Queues__Notify"], unset.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_deployed_default_that_drifts_from_the_code_is_reported()
    {
        var schedule = new ConfigKey("Schedules__NightlySync", ConfigKeyKind.Value, "0 0 2 * * *");
        var settings = new Dictionary<string, string> { ["Schedules__NightlySync"] = "0 0 3 * * *", ["SharePoint__PageSize"] = "[parameters('x')]" };

        Assert.Equal(["Schedules__NightlySync: bicep '0 0 3 * * *' ≠ code '0 0 2 * * *'"], ConfigurationContract.DifferentDefaults([schedule, PageSize], settings));
    }

    [Fact]
    public void A_key_the_template_does_not_set_and_APP_SETTINGS_refuses_has_no_way_in()
    {
        var storageUri = new ConfigKey("AzureWebJobsStorage__queueServiceUri", ConfigKeyKind.Value);
        static bool Refused(string key) => key.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal);

        Assert.Equal(["AzureWebJobsStorage__queueServiceUri"], ConfigurationContract.KeysWithNoWayIn([storageUri, SiteId, Fields], [], Refused));
        Assert.Empty(ConfigurationContract.KeysWithNoWayIn([storageUri, SiteId, Fields], ["AzureWebJobsStorage__queueServiceUri"], Refused));
    }

    [Fact]
    public void A_secret_like_key_APP_SETTINGS_would_take_in_clear_is_reported()
    {
        ConfigKey[] keys = [SiteId, new("Registry__ClientSecret", ConfigKeyKind.Value), new("Teams__WorkflowWebhookUrl", ConfigKeyKind.Value), new("Enterprises__PersonalNumberKey", ConfigKeyKind.Value)];

        Assert.Equal(["Teams__WorkflowWebhookUrl", "Enterprises__PersonalNumberKey"], ConfigurationContract.UnguardedSecrets(keys, ["Registry__ClientSecret"]));
    }

    [Fact]
    public void Options_are_walked_into_nested_classes_maps_and_scalars()
    {
        var keys = ConfigurationKeys.FromOptions([typeof(SampleOptions), typeof(SampleNested)]);

        Assert.Equal(
            ["Sample__Auth=B", "Sample__Count=3", "Sample__Fields__*", "Sample__Inner__Name=x", "Sample__Inner__Url", "Sample__Items__*", "Sample__Renamed"],
            keys.Select(k => k.Kind == ConfigKeyKind.Value && k.Default is not null ? $"{k}={k.Default}" : k.ToString()).Order(StringComparer.Ordinal));
    }

    public enum SampleMode
    {
        A,
        B,
    }

    public sealed class SampleOptions
    {
        public const string Section = "Sample";

        public SampleMode Auth { get; set; } = SampleMode.B;

        public int Count { get; set; } = 3;

        public Dictionary<string, Dictionary<string, string>> Fields { get; set; } = [];

        public SampleNested Inner { get; } = new();

        public IList<string> Items { get; set; } = [];

        [Microsoft.Extensions.Configuration.ConfigurationKeyName("Renamed")]
        public string? Original { get; set; }

        /// <summary>Read-only scalars are not bound, so they are not keys.</summary>
        public string Computed => Original ?? "";
    }

    /// <summary>No Section: reached only through <see cref="SampleOptions.Inner"/>.</summary>
    public sealed class SampleNested
    {
        public string Name { get; set; } = "x";

        public Uri? Url { get; set; }
    }
}
