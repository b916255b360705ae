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
    public async Task AYesNoThatIsNotOneIsQuarantinedAndASectorThatIsNotACodeIsAWarning()
    {
        var sector = AddEnterprise("Sektorn", NumberA, sector: "städning");
        var wise = EnterpriseList.Add(new Dictionary<string, object?> { ["Title"] = "Kriteriet", ["OrganisationNumber"] = NumberB, ["WiseCriteriaMet"] = "kanske" });

        var counts = await SyncEnterprisesAsync();

        Assert.Equal((1, 1, 1), (counts.Created, counts.Quarantined, counts.Extra["warnings"]));
        var open = await OpenQuarantineAsync(EnterprisesModule.Source);
        Assert.Contains("is not Yes/No", open[Id(wise)].GetString("Reason"));
        Assert.Equal("Kolumnen Uppfyller Tillväxtverkets kriterier ska vara Ja eller Nej.", Problem(wise));
        // Taken in, without a sector, and told so on the item.
        var row = (await EnterprisesAsync())[Id(sector)];
        Assert.Null(row.GetString("Sector"));
        Assert.StartsWith("SNI-koden 'städning' börjar inte med en SNI-kod, till exempel '81.210 Lokalvård'.", Problem(sector), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("81.210 Lokalvård", "81.210", "Lokalvård")]
    [InlineData("88.990 - Andra öppna sociala insatser", "88.990", "Andra öppna sociala insatser")]
    [InlineData("88990", "88990", null)]
    [InlineData("56.101: Restaurangverksamhet", "56.101", "Restaurangverksamhet")]
    public async Task ASectorWithItsNameKeepsCodeAndNameApart(string written, string code, string? name)
    {
        var id = AddEnterprise("Städbolaget", NumberA, sector: written);

        var counts = await SyncEnterprisesAsync();

        Assert.Equal((1, 0), (counts.Created, counts.Extra.GetValueOrDefault("warnings")));
        var row = (await EnterprisesAsync())[Id(id)];
        Assert.Equal(code, row.GetString("Sector"));
        Assert.Equal(name, row.GetString("SectorName"));
        Assert.Null(Problem(id));
    }

    [Fact]
    public async Task AFixedSectorClearsItsWarning()
    {
        var id = AddEnterprise("Sektorn", NumberA, sector: "städning");
        await SyncEnterprisesAsync("night-1");

        EnterpriseList.Update(id, new Dictionary<string, object?> { ["Sector"] = "81.210 Lokalvård" });
        var counts = await SyncEnterprisesAsync("night-2");

        Assert.Equal((1, 1), (counts.Updated, counts.Extra["problemsCleared"]));
        Assert.Null(Problem(id));
        Assert.Empty(await Harness.Get<Integration.Core.Sync.State.DataProblemStore>().OpenAsync(EnterprisesModule.Source, CancellationToken.None));
    }

    [Fact]
    public async Task ASecondNightWithoutChangeWritesNothing()
    {
        AddEnterprise("Ett", NumberA);
        AddEnterprise("Två", NumberB);
        AddEnterprise("Tvilling", NumberB);
        AddEnterprise("Trasig", "123");
        await SyncEnterprisesAsync("first");
        // The three refused items come back once, carrying the problem text the first night wrote on them.
        var echo = await SyncEnterprisesAsync("echo");
        Assert.Equal((3, 3, 0), (echo.Read, echo.Quarantined, echo.Extra.GetValueOrDefault("problemsWritten")));
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
