using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Enterprises;
using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>Sole traders refused: their numbers leave no key in <c>number-holders</c>.</summary>
public class PersonalNumberKeyRefusedTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    [Fact]
    public async Task ARefusedPersonalIdentityNumberLeavesNoKey()
    {
        AddEnterprise("Firma Karin Berg", PersonalNumber);
        AddEnterprise("Karin Bergs firma", "19" + PersonalNumber);
        var company = AddEnterprise("Bageriet Ekonomisk förening", NumberA);

        await SyncEnterprisesAsync();

        var keys = (await RowsAsync(TableNames.Enterprises, EnterpriseStore.HoldersPartition)).Values
            .Select(r => r.GetString("NumberKey")).OfType<string>().ToList();
        Assert.Equal(["O5599000014"], keys);
        Assert.Equal(2, (await OpenQuarantineAsync(EnterprisesModule.Source)).Count);
        Assert.Contains(Id(company), (await EnterprisesAsync()).Keys);
    }
}

/// <summary>
/// Sole traders allowed: a number's key is an HMAC under <c>Enterprises__PersonalNumberKey</c>, and
/// keys made otherwise (before the HMAC, or with another key) are made again before a duplicate is
/// looked for.
/// </summary>
public class PersonalNumberKeyTests(AzuriteFixture azurite) : EnterprisesTest(azurite)
{
    private const string Key = "Q7bnM2kx9TzpR4wd";
    private const string Digits = "198112189876";

    protected override bool AllowPersonalIdentityNumbers => true;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Enterprises:PersonalNumberKey"] = Key,
    };

    private static string Hmac(string key) =>
        "P" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(Digits)).AsSpan(0, 16));

    /// <summary>The key earlier versions stored: a SHA-256 of the digits, which anyone can compute for every number.</summary>
    private static string Sha256() => "P" + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(Digits)).AsSpan(0, 16));

    private async Task<Dictionary<string, TableEntity>> HoldersAsync() => await RowsAsync(TableNames.Enterprises, EnterpriseStore.HoldersPartition);

    [Fact]
    public async Task ASoleTradersKeyIsAnHmacUnderTheConfiguredKey()
    {
        var id = AddEnterprise("Firma Karin Berg", PersonalNumber);

        await SyncEnterprisesAsync();

        var key = (await HoldersAsync())[Id(id)].GetString("NumberKey");
        Assert.NotEqual(Sha256(), key);
        Assert.Equal(Hmac(Key), key);
    }

    [Theory]
    [InlineData(null, "sha-256")]
    [InlineData("hmac-sha256:00000000", "another key")]
    public async Task KeysMadeOtherwiseAreMadeAgainAndStillFindADuplicate(string? keyingBefore, string madeWith)
    {
        var first = AddEnterprise("Firma Karin Berg", PersonalNumber);
        var company = AddEnterprise("Bageriet Ekonomisk förening", NumberA);
        await SyncEnterprisesAsync("night-1");

        // As a deployment from before the HMAC left it, or one whose key has been changed since.
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Enterprises);
        await table.UpsertEntityAsync(new TableEntity(EnterpriseStore.HoldersPartition, Id(first))
        {
            ["NumberKey"] = madeWith == "sha-256" ? Sha256() : Hmac("Zr8vLq3mW6yhT1cs"),
            [EnterpriseStore.HoldsPersonalDataColumn] = true,
        }, TableUpdateMode.Replace);
        if (keyingBefore is null) await table.DeleteEntityAsync(EnterpriseStore.HoldersPartition, "~keying", ETag.All);
        else await table.UpsertEntityAsync(new TableEntity(EnterpriseStore.HoldersPartition, "~keying") { ["Keying"] = keyingBefore }, TableUpdateMode.Replace);

        var twin = AddEnterprise("Karin Bergs firma", "19" + PersonalNumber);
        var counts = await SyncEnterprisesAsync("night-2");

        Reconciles(counts);
        var open = await OpenQuarantineAsync(EnterprisesModule.Source);
        Assert.Contains("Duplicate", open[Id(first)].GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("Duplicate", open[Id(twin)].GetString("Reason"), StringComparison.Ordinal);
        Assert.DoesNotContain(Id(company), open.Keys);
        var holders = await HoldersAsync();
        Assert.Equal(Hmac(Key), holders[Id(first)].GetString("NumberKey"));
        Assert.Equal(Hmac(Key), holders[Id(twin)].GetString("NumberKey"));
        Assert.Equal("O5599000014", holders[Id(company)].GetString("NumberKey"));
        Assert.StartsWith("hmac-sha256:", holders["~keying"].GetString("Keying"), StringComparison.Ordinal);
        Assert.NotEqual(keyingBefore, holders["~keying"].GetString("Keying"));

        // Keyed the current way, a quiet night reads nothing again (after the echo of the duplicates' problem texts).
        Assert.Equal(0, (await SyncEnterprisesAsync("night-3")).Extra.GetValueOrDefault("problemsWritten"));
        Assert.Equal(0, (await SyncEnterprisesAsync("night-4")).Read);
    }
}
