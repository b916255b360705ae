using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integration.Core.Storage;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// Who may do what to the storage account the deployment creates: blob roles per container, never on
/// the account; the account cannot be deleted by accident; quarantined payloads do not grow forever.
/// </summary>
public partial class StorageAccessTests
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageAccount = "Microsoft.Storage/storageAccounts";
    private const string Container = "Microsoft.Storage/storageAccounts/blobServices/containers";

    private static ArmTemplate Template => ArmTemplate.Main;

    [Fact]
    public void No_blob_role_is_granted_on_the_whole_account()
    {
        var onAccount = StorageAssignments().Where(a => a.ScopeType == StorageAccount).SelectMany(a => a.Roles);

        Assert.DoesNotContain(BlobDataOwner, onAccount);
        Assert.DoesNotContain(BlobDataContributor, onAccount);
    }

    [Fact]
    public void The_apps_containers_and_the_package_container_get_blob_data_contributor()
    {
        var contributorOn = ContainersWith(BlobDataContributor);

        Assert.All(ContainerNames.All.Append("deploymentpackage"), container => Assert.Contains(container, contributorOn));
    }

    [Fact]
    public void Blob_data_owner_is_granted_only_on_the_hosts_own_containers_which_the_deployment_creates()
    {
        var ownerOn = ContainersWith(BlobDataOwner);
        var containers = Template.NamesOf(Container);

        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], ownerOn.Distinct().Order(StringComparer.Ordinal));
        Assert.All(ownerOn, container => Assert.Contains(container, containers));
        Assert.All(StorageAssignments().Where(a => a.Roles.Contains(BlobDataOwner)), a => Assert.Equal(Container, a.ScopeType));
    }

    [Fact]
    public void The_storage_account_holding_the_archive_cannot_be_deleted_until_its_lock_is_removed()
    {
        var storageLock = Assert.Single(Template.ResourcesOfType("Microsoft.Authorization/locks"));

        Assert.Equal("CanNotDelete", (string?)storageLock["properties"]?["level"]);
        Assert.StartsWith($"[resourceId('{StorageAccount}',", (string?)storageLock["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void Quarantined_payloads_are_deleted_after_retention_days_and_the_archive_and_digests_never()
    {
        var policy = Assert.Single(Template.Resources(), r => (string?)r.Resource["type"] == "Microsoft.Storage/storageAccounts/managementPolicies");
        var rules = policy.Resource["properties"]?["policy"]?["rules"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var rule = Assert.Single(rules);
        var definition = rule["definition"];
        var days = policy.Scope.Resolve(definition?["actions"]?["baseBlob"]?["delete"]?["daysAfterModificationGreaterThan"]).Node;

        Assert.Equal(["quarantine/"], definition?["filters"]?["prefixMatch"]?.AsArray().Select(p => (string?)p));
        // The rule takes main.bicep's retentionDays, a string as azd hands it over (RETENTION_DAYS), as a number.
        Assert.Equal("[int(parameters('retentionDays'))]", (string?)days);
        Assert.Equal("400", (string?)Template.Root["parameters"]?["retentionDays"]?["defaultValue"]);
        Assert.DoesNotContain(rules, r => r["definition"]?["filters"]?["prefixMatch"]?.AsArray()
            .Any(p => ((string?)p)?.StartsWith(ContainerNames.MeetingNotes, StringComparison.Ordinal) == true
                || ((string?)p)?.StartsWith(ContainerNames.SyncState, StringComparison.Ordinal) == true) == true);
    }

    /// <summary>The containers an assignment of <paramref name="role"/> is scoped to, loops expanded.</summary>
    private static List<string> ContainersWith(string role) =>
        StorageAssignments().Where(a => a.ScopeType == Container && a.Roles.Contains(role)).SelectMany(a => a.ScopeNames).ToList();

    /// <summary>Every role assignment on the storage account or inside it: the roles it may grant, where, and for which names.</summary>
    private static List<(List<string> Roles, string ScopeType, List<string> ScopeNames)> StorageAssignments()
    {
        var assignments = new List<(List<string>, string, List<string>)>();
        foreach (var (resource, scope) in Template.Resources().Where(r => (string?)r.Resource["type"] == "Microsoft.Authorization/roleAssignments"))
        {
            var scopeText = (string?)resource["scope"] ?? "";
            var scopeType = ScopeResourceType().Match(scopeText).Groups[1].Value;
            if (!scopeType.StartsWith(StorageAccount, StringComparison.Ordinal))
            {
                continue;
            }

            var roles = Values(scope, VariableReference().Match((string?)resource["properties"]?["roleDefinitionId"] ?? "").Groups[1].Value);
            var names = VariableReference().Matches(scopeText).Select(m => m.Groups[1].Value).SelectMany(v => Values(scope, v)).ToList();
            assignments.Add((roles, scopeType, names));
        }

        return assignments;
    }

    /// <summary>A template variable's value, or each item of it when it is an array, followed through parameters and variables.</summary>
    private static List<string> Values(ArmTemplate.Scope scope, string variable)
    {
        var (node, owner) = scope.Resolve(JsonValue.Create($"[variables('{variable}')]"));
        var items = node is JsonArray array ? array.ToList() : [node];
        return items.Select(item => owner.Resolve(item).Node).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? "").ToList();
    }

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ScopeResourceType();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
