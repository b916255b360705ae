using Azure.Data.Tables;
using Integration.Cli.RunOnce;
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
/// Sole traders, a duplicate pair of them and a personal identity number typed into a name, through
/// the sources and through <c>run-once</c>: the clear number is nowhere but in its own column, and no
/// contact is logged.
/// </summary>
public class PersonalNumberPrivacyTests(AzuriteFixture azurite) : AgreementsTest(azurite)
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
        foreach (var row in enterprises.Values) texts.AddRange(row.Where(p => p.Key != EnterpriseStore.PersonalNumberColumn).Select(p => p.Value).OfType<string>());

        Assert.Equal(3, (await OpenQuarantineAsync(EnterprisesModule.Source)).Count);
        Assert.Contains(texts, t => t.Contains(PersonalMasked, StringComparison.Ordinal));
        string[] forbidden = ["8112189876", "811218-9876", "8507091232", "850709-1232"];
        foreach (var text in texts)
        {
            foreach (var value in forbidden) Assert.DoesNotContain(value, text);
        }

        Assert.Contains(summary.Sources, s => s.Source == "Enterprises");
    }
}
