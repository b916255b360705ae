using Azure.Identity;
using Integration.Core.Hosting;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Functions.Tests.Deployment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Functions.Tests.Storage;

/// <summary>
/// Storage reached with the app's identity, configured exactly as the Bicep writes the settings:
/// no connection string, one URI per service and <c>credential=managedidentity</c>. These tests
/// build the clients but send nothing: a managed-identity token would be asked of the instance
/// metadata service, which is not on loopback (the CLI test runs one against a token stand-in).
/// </summary>
public class IdentityStorageTests
{
    private const string Tables = "https://stwise.table.core.windows.net/";
    private const string Queues = "https://stwise.queue.core.windows.net/";
    private const string Blobs = "https://stwise.blob.core.windows.net/";
    private const string ClientId = "6a1f2b4c-0000-4000-8000-000000000001";

    /// <summary>The Bicep's AzureWebJobsStorage__* settings, with deploy-time values filled in.</summary>
    private static Dictionary<string, string?> BicepStorageSettings()
    {
        var settings = ArmTemplate.Main.AppSettings()
            .Where(s => s.Key.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)(s.Key switch
            {
                "AzureWebJobsStorage__tableServiceUri" => Tables,
                "AzureWebJobsStorage__queueServiceUri" => Queues,
                "AzureWebJobsStorage__blobServiceUri" => Blobs,
                "AzureWebJobsStorage__clientId" => ClientId,
                _ => s.Value,
            }));
        Assert.Equal(
            ["AzureWebJobsStorage:blobServiceUri", "AzureWebJobsStorage:clientId", "AzureWebJobsStorage:credential", "AzureWebJobsStorage:queueServiceUri", "AzureWebJobsStorage:tableServiceUri"],
            settings.Keys.Order(StringComparer.Ordinal));
        return settings;
    }

    private static ServiceProvider Build(Dictionary<string, string?> storage)
    {
        var values = new Dictionary<string, string?>(storage)
        {
            ["SharePoint:SiteId"] = "contoso.sharepoint.com,1,2",
            ["SharePoint:Lists:PlanItems"] = "Handlingsplan",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddIntegration(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task ResolvesStorageQueueSenderAndHealthCheckWithTheBicepsSettings()
    {
        await using var provider = Build(BicepStorageSettings());

        var storage = provider.GetRequiredService<IntegrationStorage>();
        Assert.NotNull(provider.GetRequiredService<QueueSender>());
        Assert.NotNull(provider.GetRequiredService<StorageHealthCheck>());

        Assert.Equal(new Uri(Tables), storage.TableService.Uri);
        Assert.Equal(new Uri(Queues), storage.QueueService.Uri);
        Assert.Equal(new Uri(Blobs), provider.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().Uri);
        Assert.IsType<ManagedIdentityCredential>(provider.GetRequiredService<StorageCredential>().Credential);
    }

    [Fact]
    public async Task WithoutACredentialSettingUsesTheDevelopersOwnSignIn()
    {
        var settings = BicepStorageSettings();
        settings.Remove("AzureWebJobsStorage:credential");
        settings.Remove("AzureWebJobsStorage:clientId");
        await using var provider = Build(settings);

        Assert.IsType<DefaultAzureCredential>(provider.GetRequiredService<StorageCredential>().Credential);
        Assert.Equal(new Uri(Tables), provider.GetRequiredService<IntegrationStorage>().TableService.Uri);
    }

    [Fact]
    public async Task AnAccountNameAloneGivesThePublicEndpoints()
    {
        await using var provider = Build(new() { ["AzureWebJobsStorage:accountName"] = "stwise", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        var storage = provider.GetRequiredService<IntegrationStorage>();
        Assert.Equal(new Uri(Tables), storage.TableService.Uri);
        Assert.Equal(new Uri(Queues), storage.QueueService.Uri);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:tableServiceUri", null, "AzureWebJobsStorage__tableServiceUri is not set")]
    [InlineData("AzureWebJobsStorage:queueServiceUri", "", "AzureWebJobsStorage__queueServiceUri is not set")]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "not a uri", "AzureWebJobsStorage__blobServiceUri must be an https URI")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "http://127.0.0.1:10002/devstoreaccount1", "AzureWebJobsStorage__tableServiceUri must be an https URI")]
    public void AMissingOrBadUriNamesItsKey(string key, string? value, string expected)
    {
        var settings = BicepStorageSettings();
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => Build(settings));

        Assert.Contains(expected, string.Join("\n", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void NoStorageSettingAtAllNamesTheConnection()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build([]));

        Assert.Contains("AzureWebJobsStorage is not set", string.Join("\n", error.Failures), StringComparison.Ordinal);
    }
}
