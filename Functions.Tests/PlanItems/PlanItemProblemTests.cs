using System.Globalization;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>
/// What is wrong with a plan item is written on the item, in Swedish, through the real Graph SDK
/// against the stand-in: once, cleared when fixed, and its echo changes nothing.
/// </summary>
public class PlanItemProblemTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly March15 = new(2027, 3, 15);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string? Problem(int id) => Harness.List.GetFields(id)?.GetValueOrDefault(DataProblemColumn.Name) as string;

    private int ProblemWrites => Harness.Graph.Requests.All.Count(r => r.Method == "PATCH" && r.PathAndQuery.EndsWith("/fields", StringComparison.Ordinal));

    private async Task<List<NotificationMessage>> ProblemEventsAsync() =>
        [.. (await Harness.PeekNotificationsAsync()).Where(n => n.Event == NotificationEvents.DataProblemFound)];

    [Fact]
    public async Task EachErrorIsWrittenOnItsItemInSwedishOnceAndClearedWhenFixed()
    {
        var good = Harness.List.AddPlanItem("Bra rad", Anna, March15);
        var noDue = Harness.List.AddPlanItem("Saknar slutdatum", Anna, null);
        var badDue = Harness.List.Add(new Dictionary<string, object?>(PlanItemSeed.Fields("Konstigt datum", Anna, March15)) { ["DueDate"] = "snart" });
        var badStatus = Harness.List.AddPlanItem("Okänd status", Omar, March15, "Väntar");
        var noEmail = Harness.List.AddPlanItem("Ägare utan e-post", NoEmail, March15);

        var first = await Harness.SyncAsync("night-1");

        Assert.Equal((5, 1, 4), (first.Read, first.Created, first.Quarantined));
        Assert.Equal(4, first.Extra["problemsWritten"]);
        Assert.Null(Problem(good));
        Assert.Equal("Slutdatum saknas. Fyll i kolumnen Slutdatum.", Problem(noDue));
        Assert.Equal("Slutdatumet 'snart' är inte ett datum. Välj datumet i kolumnen Slutdatum, eller skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.", Problem(badDue));
        Assert.Equal("Status 'Väntar' finns inte. Välj en av: Ej påbörjad, Pågår, Klar, Avbruten.", Problem(badStatus));
        Assert.StartsWith("Den ansvariga saknar e-postadress på webbplatsen", Problem(noEmail), StringComparison.Ordinal);
        // The English reason stays in the Quarantine table for engineers.
        Assert.Contains("is not one of the accepted values", (await Harness.QuarantineAsync()).Single(r => r.GetString("ItemId") == Key(badStatus)).GetString("Reason"), StringComparison.Ordinal);

        // status counts them per source.
        var status = await Harness.Get<Integration.Core.Operations.OperationsStatus>().ReadAsync(1, CancellationToken.None);
        Assert.Equal(new Integration.Core.Operations.ProblemStatus(PlanItemsModule.Source, 4, 0), Assert.Single(status.Problems));

        // Each problem told once: to the digest, and to the owner unless the owner is the problem.
        var told = await ProblemEventsAsync();
        Assert.Equal([Key(noDue), Key(badDue), Key(badStatus), Key(noEmail)], told.Select(e => e.ItemId).Order());
        Assert.Equal(Omar.ToString(CultureInfo.InvariantCulture), told.Single(e => e.ItemId == Key(badStatus)).RecipientLookupId);
        Assert.Null(told.Single(e => e.ItemId == Key(noEmail)).RecipientLookupId);
        Assert.Equal("Okänd status", told.Single(e => e.ItemId == Key(badStatus)).Title);
        // The page's four events went to the queue as one packed message.
        var queue = await Harness.Get<Integration.Core.Storage.IntegrationStorage>().QueueAsync(Integration.Core.Queues.QueueNames.Notifications);
        Assert.Equal(4, QueuedNotifications.Events(Assert.Single((await queue.PeekMessagesAsync(32)).Value).Body.ToString()).Count);

        // The night's own writes come back through delta: nothing is written, stored or told again.
        Harness.Graph.Requests.Clear();
        Harness.TableRequests.Reset();
        var echo = await Harness.SyncAsync("night-2");
        Assert.Equal((4, 4), (echo.Read, echo.Quarantined));
        Assert.False(echo.Extra.ContainsKey("problemsWritten"));
        Assert.Equal(0, ProblemWrites);
        Assert.Equal(1, Harness.TableRequests.Writes); // the new delta link only
        Assert.Equal(4, (await ProblemEventsAsync()).Count);

        // Fixed in SharePoint: taken in, the text cleared, the open problem closed; the echo of the clear changes nothing.
        Harness.List.Update(noDue, new Dictionary<string, object?> { ["DueDate"] = SharePointListDate(March15) });
        Harness.List.Update(badStatus, new Dictionary<string, object?> { ["Status"] = PlanItemSeed.InProgress });
        var fixedNight = await Harness.SyncAsync("night-3");
        Assert.Equal((2, 2, 2), (fixedNight.Read, fixedNight.Created, fixedNight.Extra["problemsCleared"]));
        Assert.Null(Problem(noDue));
        Assert.Null(Problem(badStatus));
        Assert.Equal([Key(badDue), Key(noEmail)], (await OpenProblemsAsync()).Keys.Order());

        Harness.Graph.Requests.Clear();
        var afterClear = await Harness.SyncAsync("night-4");
        Assert.Equal((2, 2), (afterClear.Read, afterClear.Unchanged));
        Assert.Equal(0, ProblemWrites);
    }

    [Fact]
    public async Task AChangedProblemIsWrittenAndToldAgain()
    {
        var item = Harness.List.AddPlanItem("Okänd status", Omar, March15, "Väntar");
        var toldFirst = Harness.Time.GetUtcNow();
        await Harness.SyncAsync("night-1");

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.List.Update(item, new Dictionary<string, object?> { ["Status"] = "Pausad" });
        var night = await Harness.SyncAsync("night-2");

        Assert.Equal(1, night.Extra["problemsWritten"]);
        Assert.Equal("Status 'Pausad' finns inte. Välj en av: Ej påbörjad, Pågår, Klar, Avbruten.", Problem(item));
        Assert.Equal(2, (await ProblemEventsAsync()).Count);
        var open = Assert.Single(await OpenProblemsAsync());
        // Open since the item's first problem was told, whatever it says now.
        Assert.Equal(toldFirst, open.Value.FirstSeen);
    }

    [Fact]
    public async Task ADeletedItemTakesItsProblemWithIt()
    {
        var item = Harness.List.AddPlanItem("Saknar slutdatum", Anna, null);
        await Harness.SyncAsync("night-1");
        Assert.Single(await OpenProblemsAsync());

        Harness.List.Delete(item);
        await Harness.SyncAsync("night-2");

        Assert.Empty(await OpenProblemsAsync());
    }

    [Fact]
    public async Task NoPersonalIdentityNumberOrEmailReachesTheItemOrTeams()
    {
        var item = Harness.List.Add(new Dictionary<string, object?>(PlanItemSeed.Fields("Personnummer i datum", Anna, March15))
        {
            ["DueDate"] = "19121212-1212 anna.lindqvist@natverket.example",
        });

        await Harness.SyncAsync();

        var text = Problem(item)!;
        Assert.DoesNotContain("1212", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.Contains("(e-postadress)", text, StringComparison.Ordinal);
        var told = Assert.Single(await ProblemEventsAsync());
        Assert.Equal(["Lista", "Att rätta"], told.Facts.Select(f => f.Label));
        Assert.Equal("Handlingsplan", told.Facts[0].Value);
        Assert.DoesNotContain("1212", told.Facts[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("@", told.Facts[1].Value, StringComparison.Ordinal);
    }

    private static string SharePointListDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, OpenProblem>> OpenProblemsAsync() =>
        await Harness.Get<DataProblemStore>().OpenAsync(PlanItemsModule.Source, CancellationToken.None);
}

/// <summary>The list without a data-problem column, or with the write-back turned off: the sync goes on.</summary>
public class PlanItemProblemColumnTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Fields:PlanItems:DataProblem"] = "Att_x0020_r_x00e4_tta",
    };

    [Fact]
    public async Task AMissingColumnIsReportedNamingTheSettingAndTheRestIsSynced()
    {
        Harness.List.AddPlanItem("Bra rad", Anna, new DateOnly(2027, 3, 15));
        Harness.List.AddPlanItem("Saknar slutdatum", Anna, null);
        Harness.List.AddPlanItem("Saknar också slutdatum", Omar, null);

        var counts = await Harness.SyncAsync();

        Assert.Equal((3, 1, 2), (counts.Read, counts.Created, counts.Quarantined));
        Assert.Contains("SharePoint__Fields__PlanItems__DataProblem", counts.Detail, StringComparison.Ordinal);
        Assert.Contains("Att_x0020_r_x00e4_tta", counts.Detail, StringComparison.Ordinal);
        Assert.False(counts.Extra.ContainsKey("problemsWritten"));
        // After the first refusal no more are tried (a few may have been under way beside it).
        Assert.InRange(Harness.Graph.Requests.Count("PATCH", "/fields"), 1, 2);
        // Teams is told all the same.
        Assert.Equal(2, (await Harness.PeekNotificationsAsync()).Count(n => n.Event == NotificationEvents.DataProblemFound));
    }
}

public class PlanItemProblemsOffTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["SharePoint:Fields:PlanItems:DataProblem"] = "",
    };

    [Fact]
    public async Task AnEmptySettingTurnsTheWriteBackOff()
    {
        var item = Harness.List.AddPlanItem("Saknar slutdatum", Anna, null);

        var counts = await Harness.SyncAsync();

        Assert.Equal(1, counts.Quarantined);
        Assert.Null(counts.Detail);
        Assert.Equal(0, Harness.Graph.Requests.Count("PATCH", "/fields"));
        Assert.Null(Harness.List.GetFields(item)!.GetValueOrDefault(DataProblemColumn.Name));
        Assert.Single(await Harness.Get<DataProblemStore>().OpenAsync(PlanItemsModule.Source, CancellationToken.None));
    }
}
