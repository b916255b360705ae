using Integration.Core.Storage;
using Integration.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Triggers;

/// <summary>What the anonymous health endpoint reports, against Azurite and against nothing.</summary>
public class HealthCheckTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task IsHealthyWhenStorageAnswers()
    {
        var report = await Harness.Get<StorageHealthCheck>().CheckAsync(CancellationToken.None);

        Assert.True(report.Healthy, report.Detail);
    }

    [Fact]
    public async Task IsUnhealthyWhenStorageDoesNotAnswerAndSaysSoWithoutTheConnectionString()
    {
        var connection = ClosedPort.StorageConnectionString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build();
        var services = new ServiceCollection().AddLogging();
        Core.Hosting.IntegrationServiceCollectionExtensions.AddIntegration(services, configuration);
        services.Configure<Azure.Data.Tables.TableClientOptions>(o => o.Retry.MaxRetries = 0);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<StorageHealthCheck>().CheckAsync(CancellationToken.None);

        Assert.False(report.Healthy);
        Assert.DoesNotContain("AccountKey", report.Detail, StringComparison.Ordinal);
    }
}
