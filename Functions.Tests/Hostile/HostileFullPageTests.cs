using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Functions.Tests.Hostile;

/// <summary>
/// Hostile items read at the page size the sync asks SharePoint for in production (200), not the
/// harness's small pages: what fits one item at a time must also fit a page of them.
/// </summary>
public class HostileFullPageTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["SharePoint:PageSize"] = "200" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());

    [Fact]
    public Task APageOfItemsAtEveryTextLimitIsStored() =>
        new HostileRun(Harness).VerifyAsync(HostileCases.FullPageOfLongestTexts(new HostileUsers(Anna, Omar, NoEmail)));
}
