using Integration.Core.Enterprises;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>Two items with one number: both in quarantine, naming each other; the survivor taken in when the other goes.</summary>
public class EnterpriseDuplicateTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    [Fact]
    public async Task TwoItemsWithOneNumberBothGoToQuarantineNamingBothIds()
    {
        var first = AddEnterprise("Gröna Hjärtat", NumberA);
        var second = AddEnterprise("Gröna Hjärtat ek. för.", "5599000014");
        AddEnterprise("Annan", NumberB);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(2, counts.Quarantined);
        Assert.Equal(1, counts.Created);
        var open = await OpenQuarantineAsync(EnterprisesModule.Source);
        foreach (var id in new[] { first, second })
        {
            var reason = open[Id(id)].GetString("Reason");
            Assert.Contains($"items {Id(first)}, {Id(second)}", reason);
            Assert.Contains(NumberA, reason);
        }

        Assert.Single(await EnterprisesAsync());
        Reconciles(counts);
    }

    [Fact]
    public async Task ANewItemWithTheNumberOfAValidOneSendsBothToQuarantineTheSameNight()
    {
        var valid = AddEnterprise("Först", NumberA);
        await SyncEnterprisesAsync("first");
        var copy = AddEnterprise("Kopia", NumberA);

        var counts = await SyncEnterprisesAsync("second");

        Assert.Equal(2, counts.Read);
        Assert.Equal(2, counts.Quarantined);
        Assert.Equal([Id(valid), Id(copy)], (await OpenQuarantineAsync(EnterprisesModule.Source)).Keys.Order());
        Assert.True((await EnterprisesAsync())[Id(valid)].GetBoolean("InQuarantine"));
        Reconciles(counts);
    }

    [Fact]
    public async Task WhenOneIsCorrectedTheOtherIsTakenInWithoutAnEditOfItsOwn()
    {
        var first = AddEnterprise("Ett", NumberA);
        var second = AddEnterprise("Två", NumberA);
        await SyncEnterprisesAsync("first");
        EnterpriseList.Update(second, new Dictionary<string, object?> { ["OrganisationNumber"] = NumberB });

        var counts = await SyncEnterprisesAsync("second");

        Assert.Equal(2, counts.Read);
        Assert.Equal(2, counts.Created);
        Assert.Empty(await OpenQuarantineAsync(EnterprisesModule.Source));
        var rows = await EnterprisesAsync();
        Assert.Equal(NumberA, rows[Id(first)].GetString("OrganisationNumber"));
        Assert.Equal(NumberB, rows[Id(second)].GetString("OrganisationNumber"));
        Reconciles(counts);

        // The echo of the two problem texts cleared as they were taken in; then nothing.
        Assert.Equal(2, (await SyncEnterprisesAsync("echo")).Unchanged);
        var quiet = await SyncEnterprisesAsync("third");
        Assert.Equal(0, quiet.Read);
    }

    [Fact]
    public async Task WhenOneIsDeletedTheOtherIsTakenIn()
    {
        var first = AddEnterprise("Ett", NumberA);
        var second = AddEnterprise("Två", NumberA);
        await SyncEnterprisesAsync("first");
        EnterpriseList.Delete(first);

        var counts = await SyncEnterprisesAsync("second");

        Assert.Equal(1, counts.Deleted);
        Assert.Equal(1, counts.Created);
        Assert.Empty(await OpenQuarantineAsync(EnterprisesModule.Source));
        Assert.False((await EnterprisesAsync())[Id(second)].GetBoolean("IsDeleted"));
        Reconciles(counts);
    }

    [Fact]
    public async Task AFullResyncFindsTheSameDuplicates()
    {
        AddEnterprise("Ett", NumberA);
        AddEnterprise("Två", NumberA);
        await SyncEnterprisesAsync("first");
        EnterpriseList.ExpireDeltaTokens();

        var counts = await SyncEnterprisesAsync("resync");

        Assert.Equal(2, counts.Quarantined);
        Assert.Equal(2, (await OpenQuarantineAsync(EnterprisesModule.Source)).Count);
        Reconciles(counts);
    }
}
