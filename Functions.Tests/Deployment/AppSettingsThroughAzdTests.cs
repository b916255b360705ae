using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// Every setting through azd: the template evaluated with <c>bicep snapshot</c> (offline, as Resource
/// Manager evaluates it) with a Swedish site's settings given as APP_SETTINGS, and with secrets given
/// in clear, which it must refuse.
/// </summary>
public class AppSettingsThroughAzdTests
{
    /// <summary>What a city whose site was built in Swedish puts in APP_SETTINGS.</summary>
    private static readonly Dictionary<string, string> SwedishSite = new()
    {
        ["SharePoint__Fields__PlanItems__DueDate"] = "Slutdatum",
        ["SharePoint__Fields__PlanItems__Owner"] = "Ansvarig_x0020_n_x00e4_mnd",
        ["SharePoint__Fields__PlanItems__ResponsibleBody"] = "Ansvarig_x0020_n_x00e4_mnd0",
        ["SharePoint__Fields__Enterprises__OrganisationNumber"] = "Organisationsnummer",
        ["SharePoint__PlanItemStatuses__Done"] = "Klar;Avslutad",
        ["SharePoint__PlanItemStatuses__InProgress"] = "Pågår;Påbörjad",
        ["SharePoint__AgreementTypes__Iop"] = "IOP;Idéburet offentligt partnerskap",
        ["CaseSystem__BudgetAssignments__CaseType"] = "BUDGETUPPDRAG",
        ["CaseSystem__BudgetAssignments__DeadlineField"] = "Sista svarsdatum",
        ["CaseSystem__BudgetAssignments__PartnersField"] = "Samverkansparter",
        ["CaseSystem__DocumentCategory"] = "Inkommande",
        ["CaseSystem__AccessCode"] = "recno:3",
        ["Enterprises__AllowPersonalIdentityNumbers"] = "true",
        ["Overdue__DueSoonDays"] = "10",
    };

    [Fact]
    public void A_Swedish_sites_columns_statuses_and_case_system_fields_given_as_APP_SETTINGS_reach_the_app_settings()
    {
        var snapshot = BicepSnapshot.Evaluate(new Dictionary<string, string>
        {
            ["appSettings"] = JsonSerializer.Serialize(SwedishSite),
            ["sharePointPlanItemsList"] = "Handlingsplan",
            ["teamsEscalationDays"] = "21",
        });
        Assert.True(snapshot.ExitCode == 0, "bicep snapshot failed:\n" + snapshot.Output);
        var settings = snapshot.AppSettings();

        Assert.All(SwedishSite, setting => Assert.Equal(setting.Value, settings.GetValueOrDefault(setting.Key)));
        // The azd values with a parameter of their own still arrive, and the template's own settings stay.
        Assert.Equal("Handlingsplan", settings["SharePoint__Lists__PlanItems"]);
        Assert.Equal("21", settings["Teams__EscalationDays"]);
        Assert.Equal("0 0 2 * * *", settings["Schedules__NightlySync"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(", settings["CaseSystem__ApiKey"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_in_APP_SETTINGS_wins_over_the_templates_default_and_a_number_arrives_as_text()
    {
        var snapshot = BicepSnapshot.Evaluate(new Dictionary<string, string>
        {
            ["appSettings"] = """{"Schedules__NightlySync":"0 0 1 * * *","Overdue__DueSoonDays":3,"Teams__ActivityFeed__Enabled":true}""",
        });
        Assert.True(snapshot.ExitCode == 0, "bicep snapshot failed:\n" + snapshot.Output);
        var settings = snapshot.AppSettings();

        Assert.Equal("0 0 1 * * *", settings["Schedules__NightlySync"]);
        Assert.Equal("3", settings["Overdue__DueSoonDays"]);
        Assert.Equal("true", settings["Teams__ActivityFeed__Enabled"]);
    }

    [Theory]
    [InlineData("CaseSystem__ApiKey", "0123456789abcdef")]
    [InlineData("Teams__WorkflowWebhookUrl", "https://prod.example/workflows/1?sig=abc")]
    [InlineData("Registry__ClientSecret", "s3cret")]
    [InlineData("SharePoint__ClientSecret", "s3cret")]
    [InlineData("Enterprises__PersonalNumberKey", "hmac-key-in-clear")]
    [InlineData("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc")]
    [InlineData("AzureWebJobsStorage__credential", "connectionstring")]
    public void A_secret_in_clear_in_APP_SETTINGS_stops_the_deployment_naming_the_key(string key, string value)
    {
        var snapshot = BicepSnapshot.Evaluate(new Dictionary<string, string>
        {
            ["appSettings"] = new JsonObject { [key] = value, ["Overdue__DueSoonDays"] = "5" }.ToJsonString(),
        });

        Assert.NotEqual(0, snapshot.ExitCode);
        Assert.Contains($"may not set {key}", snapshot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(value, snapshot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_given_as_a_Key_Vault_reference_is_taken()
    {
        const string reference = "@Microsoft.KeyVault(VaultName=kv-stad;SecretName=graph-client-secret)";
        var snapshot = BicepSnapshot.Evaluate(new Dictionary<string, string>
        {
            ["appSettings"] = new JsonObject { ["SharePoint__ClientSecret"] = reference }.ToJsonString(),
        });

        Assert.True(snapshot.ExitCode == 0, "bicep snapshot failed:\n" + snapshot.Output);
        Assert.Equal(reference, snapshot.AppSettings()["SharePoint__ClientSecret"]);
    }

    [Fact]
    public void APP_SETTINGS_is_read_from_the_azd_environment_on_every_provision()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))?["parameters"];

        Assert.Equal("${APP_SETTINGS}", (string?)parameters?["appSettings"]?["value"]);
        // An object parameter: azd (1.23.4 and later) parses the environment value as JSON for it; a
        // string parameter would get the JSON's quotes inside a JSON string and fail to load.
        Assert.Equal("object", (string?)ArmTemplate.Main.Root["parameters"]?["appSettings"]?["type"]);
    }
}
