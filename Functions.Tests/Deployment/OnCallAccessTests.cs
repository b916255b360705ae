using System.Text.Json.Nodes;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// Who gets which data-plane role, on the template evaluated with <c>bicep snapshot</c>: the on-call
/// engineers (OPERATOR_PRINCIPAL_IDS) what status, quarantine list and replay --move-only need and no
/// more; the deploying user Key Vault only, unless GRANT_DEPLOYER_DATA_ACCESS asks for the data.
/// </summary>
public class OnCallAccessTests
{
    private const string Deployer = "11111111-1111-1111-1111-111111111111";
    private const string OnCallPerson = "22222222-2222-2222-2222-222222222222";
    private const string OnCallGroup = "33333333-3333-3333-3333-333333333333";

    private const string TableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    private static List<(string Principal, string Role, string Id)> Assignments(params (string Name, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Name, p => p.Value);
        values.TryAdd("principalId", Deployer);
        var snapshot = BicepSnapshot.Evaluate(values);
        Assert.True(snapshot.ExitCode == 0, "bicep snapshot failed:\n" + snapshot.Output);
        return snapshot.Resources
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => ((string?)r["properties"]?["principalId"] ?? "", ((string?)r["properties"]?["roleDefinitionId"] ?? "")[^36..], (string?)r["id"] ?? ""))
            .ToList();
    }

    [Fact]
    public void Each_on_call_principal_gets_table_read_and_queue_data_contributor_on_the_account_and_nothing_else()
    {
        var assignments = Assignments(("operatorPrincipalIds", $" {OnCallPerson}, {OnCallGroup} ,"));

        Assert.All(new[] { OnCallPerson, OnCallGroup }, principal =>
        {
            var theirs = assignments.Where(a => a.Principal == principal).ToList();
            Assert.Equal(new[] { QueueDataContributor, TableDataReader }.Order(StringComparer.Ordinal), theirs.Select(a => a.Role).Order(StringComparer.Ordinal));
            // On the storage account itself, not a container: the archive and payloads stay out of reach.
            Assert.All(theirs, a => Assert.Matches(@"/Microsoft\.Storage/storageAccounts/st[a-z0-9]+/providers/Microsoft\.Authorization/roleAssignments/", a.Id));
        });
        Assert.DoesNotContain(assignments, a => a.Principal is OnCallPerson or OnCallGroup
            && a.Role is TableDataContributor or BlobDataContributor or BlobDataOwner or KeyVaultSecretsOfficer);
    }

    [Fact]
    public void No_operators_no_operator_roles()
    {
        var assignments = Assignments();

        Assert.DoesNotContain(assignments, a => a.Role == TableDataReader);
    }

    [Fact]
    public void The_deploying_user_keeps_only_Key_Vault_secret_access_by_default()
    {
        var deployer = Assignments().Where(a => a.Principal == Deployer).Select(a => a.Role).ToList();

        Assert.Equal([KeyVaultSecretsOfficer], deployer);
    }

    [Fact]
    public void GRANT_DEPLOYER_DATA_ACCESS_gives_the_deploying_user_the_apps_storage_roles()
    {
        var deployer = Assignments(("grantDeployerDataAccess", "true")).Where(a => a.Principal == Deployer).Select(a => a.Role).ToList();

        Assert.Contains(TableDataContributor, deployer);
        Assert.Contains(QueueDataContributor, deployer);
        Assert.Contains(BlobDataContributor, deployer);
        Assert.Contains(KeyVaultSecretsOfficer, deployer);
    }

    [Fact]
    public void Both_are_azd_environment_values()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))?["parameters"];

        Assert.Equal("${OPERATOR_PRINCIPAL_IDS}", (string?)parameters?["operatorPrincipalIds"]?["value"]);
        Assert.Equal("${GRANT_DEPLOYER_DATA_ACCESS=false}", (string?)parameters?["grantDeployerDataAccess"]?["value"]);
        Assert.Equal("false", (string?)ArmTemplate.Main.Root["parameters"]?["grantDeployerDataAccess"]?["defaultValue"]);
    }
}
