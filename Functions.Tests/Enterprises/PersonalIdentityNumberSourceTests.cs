using Azure;
using Azure.Data.Tables;
using Integration.Core.Enterprises;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>Sole traders by personal identity number, refused by default.</summary>
public class PersonalNumbersRefusedTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    [Fact]
    public async Task ASoleTraderIsQuarantinedWithTheNumberMaskedInReasonAndPayload()
    {
        var id = AddEnterprise("Firma Karin Berg", PersonalNumber);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Quarantined);
        var entry = (await OpenQuarantineAsync(EnterprisesModule.Source))[Id(id)];
        Assert.Contains(PersonalMasked, entry.GetString("Reason"));
        Assert.Contains("Enterprises__AllowPersonalIdentityNumbers", entry.GetString("Reason"));
        Assert.Contains(PersonalMasked, entry.GetString("RawPayload"));
        Assert.DoesNotContain("9876", entry.GetString("RawPayload"));
        Assert.Empty(await EnterprisesAsync());
    }
}

/// <summary>Sole traders by personal identity number, where the settings allow them.</summary>
public class PersonalNumbersAllowedTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    protected override bool AllowPersonalIdentityNumbers => true;

    [Fact]
    public async Task ASoleTraderIsStoredMaskedAndTheWholeNumberNowhere()
    {
        var id = AddEnterprise("Firma Karin Berg", "19" + PersonalNumber);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Created);
        var row = (await EnterprisesAsync())[Id(id)];
        Assert.Equal(PersonalMasked, row.GetString("OrganisationNumber"));
        Assert.True(row.GetBoolean(EnterpriseStore.HoldsPersonalDataColumn));
        Assert.DoesNotContain(row, p => p.Value is string s && s.Contains("8112189876", StringComparison.Ordinal));
        Assert.False(row.ContainsKey(LegacyColumn));
    }

    [Fact]
    public async Task TwoSoleTradersWithOneNumberAreDuplicatesShownMasked()
    {
        var first = AddEnterprise("Firma Karin Berg", PersonalNumber);
        AddEnterprise("Karin Bergs firma", "198112189876");

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(2, counts.Quarantined);
        var reason = (await OpenQuarantineAsync(EnterprisesModule.Source))[Id(first)].GetString("Reason");
        Assert.Contains(PersonalMasked, reason);
        Assert.Contains("Duplicate", reason);
    }

    /// <summary>Where earlier versions kept the whole number.</summary>
    private const string LegacyColumn = "PersonalIdentityNumber";

    [Theory]
    [InlineData("edited")]
    [InlineData("quarantined")]
    [InlineData("deleted")]
    [InlineData("untouched")]
    public async Task ARowFromBeforeLosesTheWholeNumberWhateverComesNext(string next)
    {
        var id = AddEnterprise("Firma Karin Berg", PersonalNumber);
        var other = AddEnterprise("Bageriet Ekonomisk förening", NumberA);
        await SyncEnterprisesAsync("first");
        // As the versions that kept the number left the row and number-holders.
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Enterprises);
        await table.UpsertEntityAsync(new TableEntity(EnterpriseStore.Partition, Id(id)) { [LegacyColumn] = "198112189876" });
        await table.DeleteEntityAsync(EnterpriseStore.HoldersPartition, "~keying", ETag.All);

        switch (next)
        {
            case "edited": EnterpriseList.Update(id, new Dictionary<string, object?> { ["Contact"] = "Karin" }); break;
            case "quarantined": EnterpriseList.Update(id, new Dictionary<string, object?> { ["Sector"] = "städ" }); break;
            case "deleted": EnterpriseList.Delete(id); break;
            default: EnterpriseList.Update(other, new Dictionary<string, object?> { ["Contact"] = "Ola" }); break;
        }

        await SyncEnterprisesAsync("second");

        var row = (await EnterprisesAsync())[Id(id)];
        Assert.True(string.IsNullOrEmpty(row.GetString(LegacyColumn)), $"{next}: the row still holds the whole number.");
    }
}
