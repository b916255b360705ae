using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Integration.Cli.RunOnce;
using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.Storage;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Agreements;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>
/// Sole traders, a duplicate pair of them and personal identity numbers typed into texts in every
/// form, through the sources and through <c>run-once</c>: the clear number is stored nowhere, the
/// birth date is logged nowhere, and no contact is logged.
/// </summary>
public partial class PersonalNumberPrivacyTests(AzuriteFixture azurite) : AgreementsTest(azurite)
{
    private const string Other = "850709-1232";

    protected override bool AllowPersonalIdentityNumbers => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
    }

    [Fact]
    public async Task NoPersonalIdentityNumberAppearsInClearInLogsOutputOrQuarantine()
    {
        var trader = AddEnterprise("Firma Karin Berg", "19" + Other, contact: "karin.berg@example.se");
        AddEnterprise("Firma Ola Ek", PersonalNumber, contact: "Ola Ek");
        AddEnterprise("Ola Eks firma", "198112189876", contact: "Ola Ek");
        AddEnterprise("Pnr " + PersonalNumber + " i namnet", "559900-0015");
        AddAgreement(trader);

        await SyncEnterprisesAsync("night-1");
        await SyncAgreementsAsync("night-1");
        var progress = new List<string>();
        var summary = await new RunOnceRunner(Harness.Configuration, verbose: true, progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

        var texts = new List<string> { SummaryPrinter.ToJson(summary) };
        texts.AddRange(progress);
        foreach (var record in Harness.Services.GetFakeLogCollector().GetSnapshot())
        {
            texts.Add(record.Message);
            if (record.Exception is { } ex) texts.Add(ex.ToString());
            texts.AddRange(record.StructuredState?.Select(p => p.Value).OfType<string>() ?? []);
        }

        // A contact is data the Quarantine table and the register keep; it must only never be logged or printed.
        foreach (var text in texts) Assert.DoesNotContain("karin.berg@", text);

        var quarantine = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Quarantine);
        await foreach (var row in quarantine.QueryAsync<TableEntity>()) texts.AddRange(row.Select(p => p.Value).OfType<string>());
        var blobs = await Harness.Get<IntegrationStorage>().ContainerAsync(QuarantineStore.PayloadContainer);
        await foreach (var blob in blobs.GetBlobsAsync()) texts.Add((await blobs.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        var enterprises = await EnterprisesAsync();
        foreach (var row in enterprises.Values) texts.AddRange(row.Select(p => p.Value).OfType<string>());

        Assert.Equal(3, (await OpenQuarantineAsync(EnterprisesModule.Source)).Count);
        Assert.Contains(texts, t => t.Contains(PersonalMasked, StringComparison.Ordinal));
        string[] forbidden = ["8112189876", "811218-9876", "8507091232", "850709-1232"];
        foreach (var text in texts)
        {
            foreach (var value in forbidden) Assert.DoesNotContain(value, text);
        }

        Assert.Contains(summary.Sources, s => s.Source == "Enterprises");
    }

    [Fact]
    public async Task NoPersonalIdentityNumberInAnyFormIsStoredInClear()
    {
        // Taken in, with a sole trader's number typed into its texts in the forms people use.
        var firm = AddEnterprise("Firma Ola Ek SE811218987601 (moms SE559900001401)", NumberA, contact: "Ola Ek, pnr 811218 9876");
        EnterpriseList.Update(firm, new Dictionary<string, object?> { ["LegalForm"] = "Enskild firma 19811218-9875" });
        // Refused: a VAT number pasted as the number, a wrong check digit, a coordination number, a sector.
        AddEnterprise("Ola Ek", "SE811218987601");
        AddEnterprise("Ola Eks firma", "811218-9875");
        AddEnterprise("Firma Eva Ek", "811278 9873");
        AddEnterprise("Firma Eva Eks", NumberB, sector: "811218 9876");
        AddAgreement(firm, board: "Arbetsmarknadsnämnden, fakturera 811218+9876");
        AddAgreement(firm, type: "SE811218987601");

        await SyncEnterprisesAsync("night-1");
        await SyncAgreementsAsync("night-1");

        var texts = await StoredTextsAsync();
        // A sector that is not a code does not keep its enterprise out: it is a warning, the sector left out.
        Assert.Equal(3, (await OpenQuarantineAsync(EnterprisesModule.Source)).Count);
        Assert.Single(await OpenQuarantineAsync(AgreementsModule.Source));
        Assert.Contains(texts, t => t.Contains("Firma Ola Ek SE811218-****01", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("811278-****", StringComparison.Ordinal));
        // An organisation number is not personal data, in a VAT number neither.
        Assert.Contains(texts, t => t.Contains("SE559900001401", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(NumberA, StringComparison.Ordinal));
        foreach (var text in texts) Assert.DoesNotMatch(ClearNumber(), text);
    }

    [Fact]
    public async Task LoggedAndListedReasonsLeaveOutEvenTheBirthDate()
    {
        // A duplicate's reason shows the number masked, for the network to find the pair.
        AddEnterprise("Firma Ola Ek", PersonalNumber);
        AddEnterprise("Ola Eks firma", "19" + PersonalNumber);

        await SyncEnterprisesAsync("night-1");

        var reasons = (await OpenQuarantineAsync(EnterprisesModule.Source)).Values.Select(r => r.GetString("Reason")).ToList();
        Assert.All(reasons, r => Assert.Contains(PersonalMasked, r, StringComparison.Ordinal));
        var texts = new List<string>();
        foreach (var record in Harness.Services.GetFakeLogCollector().GetSnapshot())
        {
            texts.Add(record.Message);
            texts.AddRange(record.StructuredState?.Select(p => p.Value).OfType<string>() ?? []);
        }

        Assert.Contains(texts, t => t.Contains("Duplicate", StringComparison.Ordinal));
        await foreach (var entry in Harness.Get<QuarantineStore>().OpenEntriesAsync(EnterprisesModule.Source)) texts.Add(entry.Reason);
        foreach (var text in texts) Assert.DoesNotContain("811218", text, StringComparison.Ordinal);
    }

    /// <summary>Every text the Quarantine table, its blobs, the register and the agreements hold.</summary>
    private async Task<List<string>> StoredTextsAsync()
    {
        var texts = new List<string>();
        var quarantine = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.Quarantine);
        await foreach (var row in quarantine.QueryAsync<TableEntity>()) texts.AddRange(row.Select(p => p.Value).OfType<string>());
        var blobs = await Harness.Get<IntegrationStorage>().ContainerAsync(QuarantineStore.PayloadContainer);
        await foreach (var blob in blobs.GetBlobsAsync()) texts.Add((await blobs.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        foreach (var table in new[] { TableNames.Enterprises, TableNames.Agreements })
        {
            var client = await Harness.Get<IntegrationStorage>().TableAsync(table);
            await foreach (var row in client.QueryAsync<TableEntity>()) texts.AddRange(row.Select(p => p.Value).OfType<string>());
        }

        return texts;
    }

    /// <summary>The fictional numbers of these tests, whole, in any of their written forms.</summary>
    [GeneratedRegex(@"(?:811218|811278|850709)[-+ \u2013]?(?:987[356]|1232)")]
    private static partial Regex ClearNumber();
}
