using Integration.Core.Enterprises;
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
    public async Task ASoleTraderIsStoredMaskedWithTheWholeNumberOnlyInItsOwnColumn()
    {
        var id = AddEnterprise("Firma Karin Berg", "19" + PersonalNumber);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Created);
        var row = (await EnterprisesAsync())[Id(id)];
        Assert.Equal(PersonalMasked, row.GetString("OrganisationNumber"));
        Assert.True(row.GetBoolean(EnterpriseStore.HoldsPersonalDataColumn));
        var number = await Harness.Get<EnterpriseStore>().RevealPersonalIdentityNumberAsync(Id(id), new DateOnly(2026, 11, 27), CancellationToken.None);
        Assert.Equal("198112189876", number!.RevealDigits());
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

    [Fact]
    public async Task ADeletedSoleTraderLosesTheWholeNumber()
    {
        var id = AddEnterprise("Firma Karin Berg", PersonalNumber);
        await SyncEnterprisesAsync("first");
        EnterpriseList.Delete(id);

        await SyncEnterprisesAsync("second");

        Assert.Null(await Harness.Get<EnterpriseStore>().RevealPersonalIdentityNumberAsync(Id(id), new DateOnly(2026, 11, 27), CancellationToken.None));
    }
}
