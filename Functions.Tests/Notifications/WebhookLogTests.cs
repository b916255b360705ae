using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Notifications;

/// <summary>The webhook URL is a secret (its query is the flow's signature): no log line carries any part of it.</summary>
public class WebhookLogTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
    }

    [Fact]
    public async Task ANightWithRetriesAndARefusalLogsNoPartOfTheWebhookUrl()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Teams.Faults.ServerError(count: 2, status: 503);
        await NightAsync("night-1");
        Harness.List.AddPlanItem("Ny", Omar, Today.AddDays(-1));
        Teams.Faults.Refuse(status: 403);
        await Harness.SyncAsync("night-2");
        await Harness.ScanAsync();
        await WorkQueueAsync();
        await DigestAsync("night-2", expectFailure: true);

        var records = Harness.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("digest", StringComparison.Ordinal));
        var url = Teams.WebhookUrl;
        string[] secret = [url.AbsolutePath, url.Query, url.Query.Split("sig=")[1], url.AbsolutePath.Split('/')[2]];
        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(p => p.Value) ?? []);
            texts.AddRange(record.Scopes.Select(s => s?.ToString()));
            foreach (var text in texts.OfType<string>())
            {
                Assert.All(secret, part => Assert.DoesNotContain(part, text, StringComparison.Ordinal));
            }
        }
    }
}
