using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;
using Integration.Functions.Tests.MeetingNotes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.Privacy;

/// <summary>
/// A whole night, logged at Trace into a capturing logger: no email, no name from the seed and no
/// personal identity number appears in any message, structured property, scope or exception,
/// even where the data carries them in places they do not belong.
/// </summary>
public class LogPrivacyTests(AzuriteFixture azurite) : CaseSystemTest(azurite)
{
    private const string IdentityNumber = "19121212-1212";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
    }

    [Fact]
    public async Task ANightLogsIdsNeverEmailsNamesOrIdentityNumbers()
    {
        var today = new DateOnly(2026, 11, 27);
        Harness.List.AddPlanItem("Försenad aktivitet", Anna, today.AddDays(-5));
        Harness.List.AddPlanItem("Snart", Omar, today.AddDays(2));
        // Personal data where it does not belong: the quarantine reason quotes these values.
        Harness.List.AddPlanItem("Kontakt", Anna, today.AddDays(3), status: IdentityNumber);
        Harness.List.AddPlanItem("Fel status", Omar, today.AddDays(3), status: "omar.haddad@natverket.example");
        Harness.List.AddPlanItem("Utan e-post", NoEmail, today.AddDays(3));
        Library.AddFile("Anteckningar Anna Lindqvist.pdf", NoteFiles.Pdf("Närvarande: Anna Lindqvist"), Columns(group: "Anna Lindqvist"));
        Library.AddFile("Personnummer " + IdentityNumber + ".docx", "inte en docx"u8.ToArray(), Columns());

        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        await SyncAsync("night-1");
        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.CaseRegistration);
        Sif.Faults.BusinessError("CreateDocument", "Handläggare Anna Lindqvist saknar behörighet.");
        foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
        {
            await Record.ExceptionAsync(() => Harness.Get<QueueMessageDispatcher>().DispatchAsync(QueueNames.CaseRegistration, message.Body.ToString(), message.DequeueCount, CancellationToken.None, message.MessageId));
        }

        var records = Harness.Services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(records);
        Assert.Contains(records, r => r.Message.Contains("quarantine", StringComparison.OrdinalIgnoreCase));
        string[] forbidden = ["anna.lindqvist", "omar.haddad", "@natverket.example", "Anna Lindqvist", "Omar Haddad", "Extern konsult", IdentityNumber, "191212"];
        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(p => p.Value) ?? []);
            texts.AddRange(record.Scopes.Select(s => s?.ToString()));
            foreach (var text in texts.OfType<string>())
            {
                foreach (var word in forbidden)
                {
                    Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"A {record.Level} log line from {record.Category} holds '{word}': {text}");
                }
            }
        }
    }
}
