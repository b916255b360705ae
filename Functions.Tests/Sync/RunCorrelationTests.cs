using Integration.Core.Queues;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Sync;

/// <summary>Every log line of a night's step carries the night's run id, so one night's lines can be found together.</summary>
public class RunCorrelationTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddFakeLogging());

    [Fact]
    public async Task TheEnginesLinesCarryTheRunIdAndTheStep()
    {
        Harness.List.AddPlanItem("Utan förfallodatum", Anna, new DateOnly(2027, 1, 1), status: "Väntar");

        await Harness.Get<QueueMessageDispatcher>().DispatchAsync(QueueNames.SyncSource, """{"kind":"sync-source","schemaVersion":1,"runId":"night-42","source":"PlanItems"}""", 1, CancellationToken.None);

        var records = Harness.Services.GetFakeLogCollector().GetSnapshot();
        var engineLines = records.Where(r => r.Category?.EndsWith("DeltaSyncEngine", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, engineLines.Count); // the quarantined item and the summary
        Assert.All(engineLines, line =>
        {
            var scope = Assert.Single(line.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>());
            Assert.Contains(new KeyValuePair<string, object>("RunId", "night-42"), scope);
            Assert.Contains(new KeyValuePair<string, object>("Step", "PlanItems"), scope);
        });
    }
}
