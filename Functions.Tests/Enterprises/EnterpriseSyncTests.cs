using Integration.Core.Enterprises;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>The enterprise list into the Enterprises table, and what goes to quarantine and why.</summary>
public class EnterpriseSyncTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    [Fact]
    public async Task AValidEnterpriseIsStoredWithItsNumberNormalised()
    {
        var id = AddEnterprise("Returbutiken Gröna Hjärtat", "5599000014", contact: "anna@example.se");

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Created);
        var row = (await EnterprisesAsync())[Id(id)];
        Assert.Equal("Returbutiken Gröna Hjärtat", row.GetString("Name"));
        Assert.Equal(NumberA, row.GetString("OrganisationNumber"));
        Assert.True(row.GetBoolean("WiseCriteriaMet"));
        Assert.Equal("81.210", row.GetString("Sector"));
        Assert.False(row.GetBoolean(EnterpriseStore.HoldsPersonalDataColumn));
        Reconciles(counts);
    }

    [Fact]
    public async Task TheTwelveDigitFormWithSixteenIsTheSameNumber()
    {
        var id = AddEnterprise("Kafé Trappan", "16" + "5599000022");

        await SyncEnterprisesAsync();

        Assert.Equal(NumberB, (await EnterprisesAsync())[Id(id)].GetString("OrganisationNumber"));
    }

    [Theory]
    [InlineData(null, "Name (column Title) is missing.")]
    [InlineData("Sektor Ett", "Organisation number (column OrganisationNumber) is missing.")]
    public async Task AMissingRequiredColumnIsQuarantined(string? name, string reason)
    {
        var id = EnterpriseList.Add(new Dictionary<string, object?> { ["Title"] = name, ["OrganisationNumber"] = name is null ? NumberA : null });

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Quarantined);
        Assert.Equal(reason, (await OpenQuarantineAsync(EnterprisesModule.Source))[Id(id)].GetString("Reason"));
        Reconciles(counts);
    }

    [Theory]
    [InlineData("559900-0015", "check digit")]
    [InlineData("55990A-0014", "only digits")]
    [InlineData("55990000141", "11 digits")]
    public async Task ANumberThatIsNotOneIsQuarantinedWithoutQuotingIt(string number, string why)
    {
        var id = AddEnterprise("Fel nummer AB", number);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(1, counts.Quarantined);
        var reason = (await OpenQuarantineAsync(EnterprisesModule.Source))[Id(id)].GetString("Reason");
        Assert.Contains(why, reason);
        Assert.DoesNotContain(number, reason);
    }

    [Fact]
    public async Task ASectorThatIsNotAnSniCodeAndAYesNoThatIsNotOneAreQuarantined()
    {
        var sector = AddEnterprise("Sektorn", NumberA, sector: "städning");
        var wise = EnterpriseList.Add(new Dictionary<string, object?> { ["Title"] = "Kriteriet", ["OrganisationNumber"] = NumberB, ["WiseCriteriaMet"] = "kanske" });

        var counts = await SyncEnterprisesAsync();

        Assert.Equal(2, counts.Quarantined);
        var open = await OpenQuarantineAsync(EnterprisesModule.Source);
        Assert.Contains("is not an SNI code", open[Id(sector)].GetString("Reason"));
        Assert.Contains("is not Yes/No", open[Id(wise)].GetString("Reason"));
    }

    [Fact]
    public async Task ASecondNightWithoutChangeWritesNothing()
    {
        AddEnterprise("Ett", NumberA);
        AddEnterprise("Två", NumberB);
        AddEnterprise("Tvilling", NumberB);
        AddEnterprise("Trasig", "123");
        await SyncEnterprisesAsync("first");
        Harness.TableRequests.Reset();

        var counts = await SyncEnterprisesAsync("second");

        Assert.Equal(0, counts.Read);
        Assert.Equal(0, Harness.TableRequests.Writes);
    }

    [Fact]
    public async Task ADeletedEnterpriseIsTombstoned()
    {
        var id = AddEnterprise("Borta", NumberA);
        await SyncEnterprisesAsync("first");
        EnterpriseList.Delete(id);

        var counts = await SyncEnterprisesAsync("second");

        Assert.Equal(1, counts.Deleted);
        Assert.True((await EnterprisesAsync())[Id(id)].GetBoolean("IsDeleted"));
        Reconciles(counts);
    }
}
