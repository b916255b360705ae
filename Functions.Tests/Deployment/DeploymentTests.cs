using System.Text.Json.Nodes;
using Integration.Core.Hosting;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Deployment;

/// <summary>What the compiled deployment creates: storage names from the code, identity-only access, no secrets out.</summary>
public class DeploymentTests
{
    private static ArmTemplate Template => ArmTemplate.Main;

    [Fact]
    public void Creates_every_queue_in_QueueNames_and_its_poison_twin()
    {
        var queues = Template.NamesOf("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.All(QueueNames.All, queue =>
        {
            Assert.Contains(queue, queues);
            Assert.Contains(QueueNames.Poison(queue), queues);
        });
    }

    [Fact]
    public void Creates_every_table_the_modules_register()
    {
        var tables = Template.NamesOf("Microsoft.Storage/storageAccounts/tableServices/tables");
        var registered = RegisteredTables();

        Assert.Contains(TableNames.Agreements, registered);
        Assert.All(registered, table => Assert.Contains(table, tables));
    }

    /// <summary>The tables the full composition root's modules register.</summary>
    private static IReadOnlyList<string> RegisteredTables()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        using var services = new ServiceCollection().AddLogging().AddIntegration(configuration).BuildServiceProvider();
        return services.GetRequiredService<StorageTables>().All;
    }

    [Fact]
    public void Creates_every_container_in_ContainerNames()
    {
        var containers = Template.NamesOf("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.All(ContainerNames.All, container => Assert.Contains(container, containers));
    }

    [Fact]
    public void Creates_the_deployment_package_container_the_function_app_deploys_from()
    {
        var containers = Template.NamesOf("Microsoft.Storage/storageAccounts/blobServices/containers");
        var app = Assert.Single(Template.ResourcesOfType("Microsoft.Web/sites"));
        var deployment = app["properties"]?["functionAppConfig"]?["deployment"]?["storage"];

        Assert.Contains("deploymentpackage", containers);
        Assert.Equal("UserAssignedIdentity", (string?)deployment?["authentication"]?["type"]);
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_as_a_user_assigned_identity()
    {
        var plan = Assert.Single(Template.ResourcesOfType("Microsoft.Web/serverfarms"));
        var app = Assert.Single(Template.ResourcesOfType("Microsoft.Web/sites"));
        var runtime = app["properties"]?["functionAppConfig"]?["runtime"];

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("dotnet-isolated", (string?)runtime?["name"]);
        Assert.Equal("10.0", (string?)runtime?["version"]);
        Assert.Equal("UserAssigned", (string?)app["identity"]?["type"]);
        Assert.True((bool?)app["properties"]?["httpsOnly"]);
    }

    [Fact]
    public void Storage_accepts_only_entra_id_over_tls_1_2_and_no_public_blobs()
    {
        var storage = Assert.Single(Template.ResourcesOfType("Microsoft.Storage/storageAccounts"));
        var properties = storage["properties"];

        Assert.False((bool?)properties?["allowSharedKeyAccess"]);
        Assert.False((bool?)properties?["allowBlobPublicAccess"]);
        Assert.Equal("TLS1_2", (string?)properties?["minimumTlsVersion"]);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_soft_delete()
    {
        var vault = Assert.Single(Template.ResourcesOfType("Microsoft.KeyVault/vaults"));

        Assert.True((bool?)vault["properties"]?["enableRbacAuthorization"]);
        Assert.True((bool?)vault["properties"]?["enableSoftDelete"]);
    }

    [Fact]
    public void Key_vault_can_recover_a_soft_deleted_vault_of_the_same_name()
    {
        var vault = Assert.Single(Template.ResourcesOfType("Microsoft.KeyVault/vaults"));
        var parameter = Template.Root["parameters"]?["keyVaultCreateMode"];

        Assert.Equal("default", (string?)parameter?["defaultValue"]);
        Assert.Equal(["default", "recover"], parameter?["allowedValues"]?.AsArray().Select(v => (string?)v));
        Assert.Equal("[parameters('createMode')]", (string?)vault["properties"]?["createMode"]);
    }

    [Fact]
    public void Flex_consumption_instance_count_starts_at_40_which_every_region_takes()
    {
        var parameter = Template.Root["parameters"]?["maximumInstanceCount"];

        Assert.Equal(40, (int?)parameter?["minValue"]);
        Assert.True((int?)parameter?["defaultValue"] >= 40);
    }

    [Fact]
    public void The_meeting_notes_archive_is_write_once()
    {
        var policy = Assert.Single(Template.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));

        Assert.Contains(ContainerNames.MeetingNotes, (string?)policy["name"], StringComparison.Ordinal);
        Assert.False((bool?)policy["properties"]?["allowProtectedAppendWrites"]);
        Assert.NotNull(policy["properties"]?["immutabilityPeriodSinceCreationInDays"]);
    }

    [Fact]
    public void Application_insights_refuses_key_based_ingestion()
    {
        var component = Assert.Single(Template.ResourcesOfType("Microsoft.Insights/components"));

        Assert.True((bool?)component["properties"]?["DisableLocalAuth"]);
    }

    [Fact]
    public void Role_assignments_are_named_from_scope_principal_and_role()
    {
        var assignments = Template.ResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string?)a["name"], StringComparison.Ordinal));
    }

    [Fact]
    public void No_secure_parameter_has_a_default_and_no_output_is_secure()
    {
        foreach (var scope in Template.Templates())
        {
            foreach (var (name, parameter) in scope.Template["parameters"]?.AsObject() ?? [])
            {
                if (((string?)parameter?["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
                {
                    Assert.True(parameter?["defaultValue"] is null, $"Secure parameter {name} has a default.");
                }
            }

            foreach (var (name, output) in scope.Template["outputs"]?.AsObject() ?? [])
            {
                Assert.False(((string?)output?["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true, $"Output {name} is a secret.");
            }
        }
    }

    [Fact]
    public void Parameters_file_matches_the_template()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))?["parameters"]?.AsObject() ?? [];
        var declared = Template.Root["parameters"]?.AsObject() ?? [];

        Assert.All(file, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets {p.Key}, which main.bicep does not declare."));
        Assert.All(declared.Where(p => p.Value?["defaultValue"] is null), p =>
            Assert.True(file.ContainsKey(p.Key), $"main.bicep requires {p.Key}; map it in main.parameters.json."));
    }

    [Theory]
    [InlineData("retentionDays", "RETENTION_DAYS")]
    [InlineData("sharePointMaxPages", "SHAREPOINT_MAX_PAGES")]
    [InlineData("sharePointResourceUnitsPerMinute", "SHAREPOINT_RESOURCE_UNITS_PER_MINUTE")]
    [InlineData("caseSystemBudgetAssignmentsMaxPages", "CASE_SYSTEM_BUDGET_ASSIGNMENTS_MAX_PAGES")]
    [InlineData("enterprisesPersonalNumberKey", "AZURE_KEY_VAULT_NAME")]
    public void The_retention_the_page_caps_and_the_hmac_key_are_set_through_azd(string parameter, string environmentValue)
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))?["parameters"]?.AsObject() ?? [];

        Assert.Contains(environmentValue, (string?)file[parameter]?["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_registers_hmac_key_is_a_secret_the_deployment_writes_and_the_app_reads_from_key_vault()
    {
        var setting = Template.AppSettings()["Enterprises__PersonalNumberKey"];
        var secret = Assert.Single(Template.ResourcesOfType("Microsoft.KeyVault/vaults/secrets"));
        var parameter = Template.Root["parameters"]?["enterprisesPersonalNumberKey"];
        var mapped = (string?)JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))?["parameters"]?["enterprisesPersonalNumberKey"]?["value"];

        Assert.Contains("@Microsoft.KeyVault(", setting, StringComparison.Ordinal);
        Assert.Contains("enterprisesPersonalNumberKeySecretName", setting, StringComparison.Ordinal);
        Assert.Equal("enterprises-personal-number-key", (string?)Template.Root["parameters"]?["enterprisesPersonalNumberKeySecretName"]?["defaultValue"]);
        Assert.NotNull(secret["properties"]?["value"]);
        Assert.Equal("securestring", (string?)parameter?["type"], ignoreCase: true);
        // azd reads the vault's secret back on every provision, so the key stays the same.
        Assert.Equal("$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} enterprises-personal-number-key)", mapped);
    }
}
