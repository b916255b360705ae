

namespace Integration.Functions.Tests.Harness;

/// <summary>Base for tests against Azurite and the Graph stand-in: empty storage, a fresh stand-in.</summary>
[Collection(AzuriteGroup.Name)]
public abstract class StorageTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected IntegrationHarness Harness { get; private set; } = null!;

    /// <summary>Users in the stand-in's User Information List.</summary>
    protected int Anna { get; private set; }
    protected int Omar { get; private set; }
    protected int NoEmail { get; private set; }

    protected virtual DateTimeOffset? Now => null;

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a test adds to the composition root's.</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        await Azurite.ResetAsync();
        Harness = await IntegrationHarness.StartAsync(Azurite.ConnectionString, Now, Settings, ConfigureServices);
        Anna = Harness.Site.EnsureUser("Anna Lindqvist", "anna.lindqvist@natverket.example");
        Omar = Harness.Site.EnsureUser("Omar Haddad", "omar.haddad@natverket.example");
        NoEmail = Harness.Site.EnsureUser("Extern konsult", null);
    }

    public virtual async Task DisposeAsync() => await Harness.DisposeAsync();
}
