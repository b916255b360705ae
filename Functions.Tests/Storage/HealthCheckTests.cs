using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Functions.Tests.Storage;

/// <summary>What the anonymous health endpoint reports, against Azurite and against nothing.</summary>
public class HealthCheckTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task IsHealthyWhenStorageAnswers()
    {
        var report = await Harness.Get<StorageHealthCheck>().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task IsUnhealthyWhenStorageDoesNotAnswerAndSaysSoWithoutTheConnectionStringOrTheEndpoint()
    {
        var connection = ClosedPort.StorageConnectionString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build();
        var services = new ServiceCollection().AddLogging();
        Core.Hosting.IntegrationServiceCollectionExtensions.AddIntegration(services, configuration);
        services.Configure<Azure.Data.Tables.TableClientOptions>(o => o.Retry.MaxRetries = 0);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<StorageHealthCheck>().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith("unreachable", report.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", report.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", report.Description, StringComparison.Ordinal);
    }
}
