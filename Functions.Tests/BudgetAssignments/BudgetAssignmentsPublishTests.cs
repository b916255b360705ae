using Integration.Core.BudgetAssignments;
using Integration.Core.CaseSystem;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>
/// Budget assignments published from the BudgetAssignments table to the network's list: the real
/// Graph SDK against the Graph stand-in, after the read from the SIF stand-in, over Azurite.
/// </summary>
public class BudgetAssignmentsPublishTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    private const string Open = "AMN 2021-0112-1.4";
    private const string Closed = "AMN 2019-0340-01.02";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLogging(l => l.AddFakeLogging());
    }

    [Fact]
    public async Task TheFirstPublishCreatesOneItemPerAssignmentWithTheCaseSystemsValues()
    {
        AddAssignment(Open);
        AddAssignment(Closed, title: "Upphandling med sociala hänsyn", year: "2019", deadline: "2020-06-30", partners: null, status: "A");

        var counts = await SyncAsync();

        Assert.Equal((2, 0, 0), (counts.Extra["published"], counts.Extra["overwritten"], counts.Extra["duplicates"]));
        Assert.Equal(2, Harness.Graph.Requests.Count("POST", "/items"));
        var items = Items();
        Assert.Equal(2, items.Count);

        var open = items[Open];
        Assert.Equal("Handlingsplan för arbetsintegrerande sociala företag", open["Title"]);
        Assert.Equal(2021d, open["BudgetYear"]);
        Assert.Equal(Board, open["ResponsibleBoard"]);
        Assert.Equal(Partners, open["Partners"]);
        Assert.Equal("Under behandling", open["Status"]);
        Assert.Equal("2026-11-20T08:00:00Z", open["LastActivity"]);
        Assert.StartsWith(Sif.BaseUrl.ToString().TrimEnd('/') + "/locator.aspx?", (string)open["CaseLink"]!, StringComparison.Ordinal);
        Assert.False(open.ContainsKey("Comment"));

        // Local midnight in Stockholm: UTC+1 in winter, UTC+2 in summer.
        Assert.Equal("2021-12-30T23:00:00Z", open["Deadline"]);
        var closed = items[Closed];
        Assert.Equal("2020-06-29T22:00:00Z", closed["Deadline"]);
        Assert.Equal(("Avslutat", 2019d), (closed["Status"], closed["BudgetYear"]));
        Assert.False(closed.ContainsKey("Partners"));
    }

    [Fact]
    public async Task ASecondNightMakesNoWriteToSharePointNorToTheTables()
    {
        AddAssignment(Open);
        AddAssignment(Closed, year: "2019", status: "A", changed: Changed.AddHours(-2));
        await SyncAsync();

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        Harness.TableRequests.Reset();
        var counts = await SyncAsync("night-2");

        Assert.Equal((0, 0), (counts.Extra["published"], counts.Extra["overwritten"]));
        Assert.Equal(0, Harness.Graph.Requests.Count("POST", "/items"));
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/items"));
        Assert.Equal(0, Harness.TableRequests.Writes);

        // The list is followed by delta, not listed: one delta call.
        Assert.Equal(1, Harness.Graph.Requests.Count("GET", "delta"));
        Assert.Equal(2, Items().Count);
    }

    [Fact]
    public async Task AnEditedCaseIsPatchedInTheColumnsThatChanged()
    {
        AddAssignment(Open);
        AddAssignment(Closed, year: "2019", changed: Changed.AddDays(-30));
        await SyncAsync();
        var before = Items()[Closed];

        Sif.UpdateCase(Closed, status: "A", customFields: new Dictionary<string, string?> { ["Slutdatum"] = "2022-03-31" }, lastChanged: Changed.AddDays(3));
        Harness.Time.Advance(TimeSpan.FromDays(4));
        Harness.Graph.Requests.Clear();
        var counts = await SyncAsync("night-2");

        Assert.Equal((1, 0), (counts.Extra["published"], counts.Extra["overwritten"]));
        Assert.Equal(0, Harness.Graph.Requests.Count("POST", "/items"));
        Assert.Equal(1, Harness.Graph.Requests.Count("PATCH", "/fields"));
        var after = Items()[Closed];
        Assert.Equal(("Avslutat", "2022-03-30T22:00:00Z", "2026-11-23T08:00:00Z"), (after["Status"], after["Deadline"], after["LastActivity"]));
        Assert.Equal(before["Title"], after["Title"]);
        Assert.Empty(OverwriteLogs());

        // And the night after is quiet again.
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        counts = await SyncAsync("night-3");
        Assert.Equal(0, counts.Extra["published"]);
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
    }

    [Fact]
    public async Task AnAssignmentWithoutADeadlineSaysSoOnItsItemUntilTheCaseHasOne()
    {
        AssignmentList.DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);
        AddAssignment(Open, deadline: null);

        var first = await SyncAsync();

        Assert.Equal((1, 1, 1), (first.Extra["withoutDeadline"], first.Extra["warnings"], first.Extra["problemsWritten"]));
        Assert.Equal($"Slutdatum saknas i ärendet {Open} i ärendesystemet, så uppdraget visas utan slutdatum. Be handläggaren fylla i det där; det syns här natten efter.", Items()[Open]["DataProblem"]);
        Assert.Equal(1, Harness.Graph.Requests.Count("POST", "/items"));
        Assert.Single(await Harness.PeekNotificationsAsync(), n => n.Event == Integration.Core.Notifications.NotificationEvents.DataProblemFound);

        // Its echo and a quiet night: nothing written.
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        await SyncAsync("night-2");
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields") + Harness.Graph.Requests.Count("POST", "/items"));

        // The case gets its deadline: published, and the text cleared in the same PATCH.
        Sif.UpdateCase(Open, customFields: new Dictionary<string, string?> { ["Slutdatum"] = "2021-12-31" }, lastChanged: Changed.AddDays(2));
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        var fixedNight = await SyncAsync("night-3");
        Assert.Equal((1, 1), (fixedNight.Extra["published"], fixedNight.Extra["problemsCleared"]));
        Assert.Equal(1, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.False(Items()[Open].ContainsKey("DataProblem") && Items()[Open]["DataProblem"] is not null);
        Assert.Empty(await Harness.Get<DataProblemStore>().OpenAsync(BudgetAssignmentsModule.Source, CancellationToken.None));
    }

    [Fact]
    public async Task AListWithoutTheColumnPublishesAsBefore()
    {
        AddAssignment(Open, deadline: null);

        var first = await SyncAsync();

        Assert.Equal((1, 1), (first.Extra["published"], first.Extra["withoutDeadline"]));
        Assert.False(first.Extra.ContainsKey("problemsWritten"));
        Assert.False(Items()[Open].ContainsKey("DataProblem"));
    }

    [Fact]
    public async Task ASharePointEditOfASyncedColumnIsPutBackAndLoggedWhileTheCommentIsKept()
    {
        AddAssignment(Open);
        await SyncAsync();
        var id = ItemIds()[Open];
        AssignmentList.Update(id, new Dictionary<string, object?> { ["Status"] = "Klart enligt nätverket", ["Deadline"] = "2022-01-30T23:00:00Z", ["Comment"] = "Följs upp i mars" });

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        var counts = await SyncAsync("night-2");

        Assert.Equal((1, 1), (counts.Extra["published"], counts.Extra["overwritten"]));
        Assert.Equal(1, Harness.Graph.Requests.Count("PATCH", "/fields"));
        var item = Items()[Open];
        Assert.Equal(("Under behandling", "2021-12-30T23:00:00Z", "Följs upp i mars"), (item["Status"], item["Deadline"], item["Comment"]));

        // Logged by item id and column; never the values.
        var logs = OverwriteLogs();
        Assert.Equal(2, logs.Count);
        Assert.All(logs, l => Assert.Contains($"item {id}", l.Message, StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Message.Contains("column Status", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Message.Contains("column Deadline", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains("Klart", StringComparison.Ordinal) || l.Message.Contains("2022", StringComparison.Ordinal));

        // Told to the network once, in Swedish: which item and which columns, not what was written.
        var reverted = Assert.Single(await Harness.PeekNotificationsAsync(), n => n.Event == Integration.Core.Notifications.NotificationEvents.AssignmentEditReverted);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), reverted.ItemId);
        Assert.Equal(("Kolumner", "Slutdatum, Status"), (reverted.Facts[0].Label, string.Join(", ", reverted.Facts[0].Value.Split(", ").Order())));
        Assert.DoesNotContain(reverted.Facts, f => f.Value.Contains("Klart enligt", StringComparison.Ordinal) || f.Value.Contains("2022", StringComparison.Ordinal));
        Assert.Equal(Integration.Core.Notifications.DigestSection.RevertedEdits, Integration.Core.Notifications.DigestItemMapper.ToItem(reverted, null, null).Section);

        // Only a Comment edit: nothing to put back.
        AssignmentList.Update(id, new Dictionary<string, object?> { ["Comment"] = "Klart till årsskiftet" });
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        counts = await SyncAsync("night-3");
        Assert.Equal((0, 0), (counts.Extra["published"], counts.Extra["overwritten"]));
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Equal("Klart till årsskiftet", Items()[Open]["Comment"]);
    }

    [Fact]
    public async Task TwoItemsWithOneDiaryNumberAreReportedAndNeitherIsDeleted()
    {
        var first = AssignmentList.Add(new Dictionary<string, object?> { ["Title"] = "Handlingsplan (gammal)", ["DiaryNumber"] = Open });
        var second = AssignmentList.Add(new Dictionary<string, object?> { ["Title"] = "Handlingsplan (kopia)", ["DiaryNumber"] = Open, ["Comment"] = "Dubblett?" });
        AddAssignment(Open);

        var counts = await SyncAsync();

        Assert.Equal((1, 1), (counts.Extra["published"], counts.Extra["duplicates"]));
        Assert.Equal(0, Harness.Graph.Requests.Count("POST", "/items"));
        Assert.Equal("Handlingsplan för arbetsintegrerande sociala företag", AssignmentList.GetFields(first)!["Title"]);
        Assert.Equal(("Handlingsplan (kopia)", "Dubblett?"), (AssignmentList.GetFields(second)!["Title"], AssignmentList.GetFields(second)!["Comment"]));
        var log = Assert.Single(Harness.Services.GetFakeLogCollector().GetSnapshot(), l => l.Message.Contains("same diary number", StringComparison.Ordinal));
        Assert.Contains($"items {second} ", log.Message, StringComparison.Ordinal);
        Assert.Contains($"item {first}", log.Message, StringComparison.Ordinal);

        // Reported again each night, and still neither is deleted nor written again.
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        counts = await SyncAsync("night-2");
        Assert.Equal((0, 1), (counts.Extra["published"], counts.Extra["duplicates"]));
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.NotNull(AssignmentList.GetFields(first));
        Assert.NotNull(AssignmentList.GetFields(second));
    }

    [Fact]
    public async Task ACaseWithoutADeadlineIsPublishedWithoutOne()
    {
        AddAssignment(Open, deadline: null);

        AddAssignment(Closed, status: "A");

        var counts = await SyncAsync();

        Assert.Equal((2, 1), (counts.Extra["published"], counts.Extra["withoutDeadline"]));
        var item = Items()[Open];
        Assert.False(item.ContainsKey("Deadline"));
        Assert.Equal(Board, item["ResponsibleBoard"]);
    }

    [Fact]
    public async Task ACaseSystemThatIsDownLeavesTheListAsItWas()
    {
        AddAssignment(Open);
        await SyncAsync();
        Sif.UpdateCase(Open, title: "Ny titel", lastChanged: Changed.AddDays(1));
        Sif.Faults.Unavailable("GetCases", count: 10, retryAfter: TimeSpan.Zero);
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();

        await Assert.ThrowsAsync<CaseSystemException>(() => SyncAsync("night-2"));

        Assert.Empty(Harness.Graph.Requests.All);
        Assert.Equal("Handlingsplan för arbetsintegrerande sociala företag", Items()[Open]["Title"]);

        Sif.Faults.Clear();
        var counts = await SyncAsync("night-3");
        Assert.Equal(1, counts.Extra["published"]);
        Assert.Equal("Ny titel", Items()[Open]["Title"]);
    }

    [Fact]
    public async Task TheListIsFollowedFromItsOwnCheckpoint()
    {
        AddAssignment(Open);
        await SyncAsync();

        var checkpoint = await Harness.Get<DeltaCheckpointStore>().GetAsync(BudgetAssignmentPublisher.CheckpointName, CancellationToken.None);
        Assert.Equal(("Budgetuppdrag", AssignmentList.Id), (checkpoint!.SourceRef, checkpoint.SourceId));
        Assert.Contains("token", checkpoint.DeltaLink, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ADeadlineRemovedFromTheCaseIsClearedInTheList()
    {
        AddAssignment(Open);
        await SyncAsync();

        Sif.UpdateCase(Open, customFields: new Dictionary<string, string?> { ["Slutdatum"] = null, ["Samverkansparter"] = null }, lastChanged: Changed.AddDays(1));
        Harness.Time.Advance(TimeSpan.FromDays(2));
        Harness.Graph.Requests.Clear();
        var counts = await SyncAsync("night-2");

        Assert.Equal((1, 1), (counts.Extra["published"], counts.Extra["withoutDeadline"]));
        Assert.Equal(1, Harness.Graph.Requests.Count("PATCH", "/fields"));
        var item = Items()[Open];
        Assert.False(item.ContainsKey("Deadline"));
        Assert.False(item.ContainsKey("Partners"));

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        Assert.Equal(0, (await SyncAsync("night-3")).Extra["published"]);
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
    }

    [Fact]
    public async Task AnExpiredListTokenRebuildsTheMirrorFromScratchWithoutWriting()
    {
        AddAssignment(Open);
        AddAssignment(Closed, status: "A");
        await SyncAsync();
        AssignmentList.ExpireDeltaTokens();

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        var counts = await SyncAsync("night-2");

        Assert.Equal(0, counts.Extra["published"]);
        Assert.Equal(0, Harness.Graph.Requests.Count("POST", "/items"));
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Equal(2, Items().Count);
    }

    [Fact]
    public async Task AnItemDeletedInSharePointIsCreatedAgainTheNextNight()
    {
        AddAssignment(Open);
        await SyncAsync();
        AssignmentList.Delete(ItemIds()[Open]);

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        var counts = await SyncAsync("night-2");

        Assert.Equal(1, counts.Extra["published"]);
        Assert.Equal(1, Harness.Graph.Requests.Count("POST", "/items"));
        Assert.Equal("Under behandling", Items()[Open]["Status"]);
    }

    private List<FakeLogRecord> OverwriteLogs() =>
        Harness.Services.GetFakeLogCollector().GetSnapshot().Where(l => l.Message.Contains("was edited in SharePoint", StringComparison.Ordinal)).ToList();

    private Dictionary<string, int> ItemIds() =>
        Enumerable.Range(1, 50).Where(id => AssignmentList.GetFields(id) is not null)
            .ToDictionary(id => (string)AssignmentList.GetFields(id)!["DiaryNumber"]!, id => id);

    /// <summary>The list's live items by diary number.</summary>
    private Dictionary<string, IReadOnlyDictionary<string, object?>> Items() =>
        ItemIds().ToDictionary(p => p.Key, p => AssignmentList.GetFields(p.Value)!);
}
