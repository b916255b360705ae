using Integration.Core.Storage;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Storage;

/// <summary>The mark-write-save protocol of the digest blob, against Azurite.</summary>
public class SyncDigestStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Source = "test-source";

    private SyncDigestStore Store => Harness.Get<SyncDigestStore>();

    private static async IAsyncEnumerable<(string, string, bool)> Rows(params string[] ids)
    {
        await Task.Yield();
        foreach (var id in ids) yield return (id, $"hash-{id}", false);
    }

    private async Task<string> StateAsync()
    {
        var container = await Harness.Get<IntegrationStorage>().ContainerAsync(SyncDigestStore.Container);
        return (await container.GetBlobClient($"{Source}.digest").GetPropertiesAsync()).Value.Metadata["state"];
    }

    [Fact]
    public async Task AFirstSessionRebuildsFromTheRowsAndSavesADigestTheNextOneTrusts()
    {
        var first = await Store.OpenForWriteAsync(Source, _ => Rows("1", "2"), CancellationToken.None);
        Assert.Equal("writing", await StateAsync());
        first.Digest.Stored("3", "hash-3");
        Assert.True(await first.CommitAsync(CancellationToken.None));
        Assert.Equal("clean", await StateAsync());

        var rebuilt = false;
        var second = await Store.OpenForWriteAsync(Source, _ => { rebuilt = true; return Rows(); }, CancellationToken.None);

        Assert.False(rebuilt);
        Assert.Equal(3, second.Digest.Count);
        Assert.Equal(DigestMatch.Same, second.Digest.Match("3", "hash-3"));
    }

    [Fact]
    public async Task AMarkLeftByARunThatMayStillBeWritingIsRebuiltButNotSaved()
    {
        var crashed = await Store.OpenForWriteAsync(Source, _ => Rows("1"), CancellationToken.None);
        Assert.True(crashed.MayCommit);

        // Ten minutes later the run may still be going: the next writer must not call the digest clean.
        Harness.Time.Advance(TimeSpan.FromMinutes(10));
        var early = await Store.OpenForWriteAsync(Source, _ => Rows("1", "2"), CancellationToken.None);
        Assert.Equal(2, early.Digest.Count);
        Assert.False(early.MayCommit);
        Assert.False(await early.CommitAsync(CancellationToken.None));
        Assert.Equal("writing", await StateAsync());

        // Past the longest run time the mark is abandoned: rebuilt and saved.
        Harness.Time.Advance(SyncDigestStore.MaxRunTime + TimeSpan.FromMinutes(1));
        var later = await Store.OpenForWriteAsync(Source, _ => Rows("1", "2", "3"), CancellationToken.None);
        Assert.True(await later.CommitAsync(CancellationToken.None));
        Assert.Equal("clean", await StateAsync());
    }

    [Fact]
    public async Task OfTwoWritersAtOnceNeitherSavesAndTheDigestStaysMarked()
    {
        var seed = await Store.OpenForWriteAsync(Source, _ => Rows("1"), CancellationToken.None);
        await seed.CommitAsync(CancellationToken.None);

        var first = await Store.OpenForWriteAsync(Source, _ => Rows(), CancellationToken.None);
        var second = await Store.OpenForWriteAsync(Source, _ => Rows("1"), CancellationToken.None);

        Assert.False(await first.CommitAsync(CancellationToken.None));
        Assert.False(await second.CommitAsync(CancellationToken.None));
        Assert.Equal("writing", await StateAsync());
    }

    [Fact]
    public async Task AWriterThatDoesNotRebuildGetsAnEmptyDigestItWillNotSave()
    {
        var session = await Store.OpenForWriteAsync(Source, rebuild: null, CancellationToken.None);

        Assert.Equal(0, session.Digest.Count);
        Assert.False(await session.CommitAsync(CancellationToken.None));
        Assert.Equal("writing", await StateAsync());
    }
}
