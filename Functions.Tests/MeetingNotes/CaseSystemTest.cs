using System.Security.Cryptography;
using Azure.Data.Tables;
using Integration.Core.MeetingNotes;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>
/// Base for tests of the meeting notes with a case system: Azurite, the Graph stand-in with the
/// network's library, and a SIF stand-in holding the network's case, configured as a deployment would be.
/// </summary>
public abstract class CaseSystemTest(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected const string LibraryName = "Mötesanteckningar";
    protected const string NetworkCase = "AMN 2021-0112-1.4";
    protected const string ApiKey = "sif-registration-key";

    private SifStandIn _sif = null!;

    protected SifStandIn Sif => _sif;

    protected DocumentLibrary Library { get; private set; } = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Libraries:MeetingNotes"] = LibraryName,
        ["CaseSystem:BaseUrl"] = _sif.BaseUrl.ToString(),
        ["CaseSystem:ApiKey"] = ApiKey,
        ["CaseSystem:NetworkCaseNumber"] = NetworkCase,
    };

    public override async Task InitializeAsync()
    {
        _sif = await SifStandIn.StartAsync(ApiKey);
        _sif.AddCase(NetworkCase, "Nätverket för arbetsintegrerande sociala företag", "ALLM", "B");
        await base.InitializeAsync();
        Library = Harness.Site.AddDocumentLibrary(LibraryName);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _sif.DisposeAsync();
    }

    protected static Dictionary<string, object?> Columns(string meetingDate = "2026-11-23T23:00:00Z", string group = "Styrgrupp") =>
        new() { ["MeetingDate"] = meetingDate, ["NetworkGroup"] = group };

    protected Task<SyncCounts> SyncAsync(string runId = "night-1") =>
        Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source).RunAsync(runId, CancellationToken.None);

    protected async Task<Dictionary<string, TableEntity>> VersionsAsync()
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(TableNames.MeetingNotes);
        return await table.QueryAsync<TableEntity>(e => e.PartitionKey == MeetingNoteStore.VersionsPartition).ToDictionaryAsync(e => e.RowKey);
    }

    protected static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Works the case-registration queue as the host does, once per message: a failure leaves the message for a later pass.</summary>
    protected Task<List<Exception>> WorkQueueAsync() => Harness.WorkQueueAsync(QueueNames.CaseRegistration, TimeSpan.FromSeconds(1), untilEmpty: false);

    protected async Task<List<string>> QueuedAsync()
    {
        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.CaseRegistration);
        return (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
    }

    protected List<SifDocument> Documents => Sif.Documents.Where(d => d.CaseNumber == NetworkCase).ToList();
}
