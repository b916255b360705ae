using Integration.Emulators.Azurite;

namespace Integration.Functions.Tests.Harness;

/// <summary>
/// Azurite for the storage tests: the one CI started on the default ports, or one of our own.
/// Tests that use it run one at a time (one collection) and each starts from empty storage.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _started;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (ConnectionString, _started) = await LocalStorage.ResolveAsync(line => Console.Error.WriteLine(line));
    }

    public async Task DisposeAsync()
    {
        if (_started is not null) await _started.DisposeAsync();
    }

    /// <summary>Deletes every table, queue and container, so a test sees only its own data.</summary>
    public Task ResetAsync() => Integration.Cli.Hosting.ScratchStorage.EmptyAsync(ConnectionString);
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
