using System.Text;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// The overdue scan packs a page's events into a few messages on the <c>notifications</c> queue, against
/// Azurite: each event arrives once, a redelivered pack records nothing new, and a pack never passes what a
/// queue message may hold.
/// </summary>
public class NotificationPackTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly LongAgo = new(2026, 6, 1);

    [Fact]
    public async Task TheScansEventsArriveInOnePackAndARedeliveredPackRecordsNothingNew()
    {
        var ids = Enumerable.Range(0, 45).Select(i => Harness.List.AddPlanItem($"Aktivitet {i}", i % 2 == 0 ? Anna : Omar, LongAgo.AddDays(i))).ToList();
        await Harness.SyncAsync("first");

        var scan = await Harness.ScanAsync();

        Assert.Equal(45, scan.Notifications);
        var queue = await Harness.Get<IntegrationStorage>().QueueAsync(QueueNames.Notifications);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        var events = QueuedNotifications.Events(message.Body.ToString());
        Assert.Equal(ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), events.Select(e => e.ItemId).Order());
        Assert.Equal(45, events.Select(e => e.EventId).Distinct().Count());

        // The host hands the same message over twice (a lost acknowledgement): the pending events are the same 45.
        var dispatcher = Harness.Get<QueueMessageDispatcher>();
        await dispatcher.DispatchAsync(QueueNames.Notifications, message.Body.ToString(), 1, CancellationToken.None, message.MessageId);
        await dispatcher.DispatchAsync(QueueNames.Notifications, message.Body.ToString(), 2, CancellationToken.None, message.MessageId);
        var pending = await Harness.Get<PendingNotifications>().ListAsync(CancellationToken.None);
        Assert.Equal(events.Select(e => e.EventId).Order(), pending.Select(p => p.EventId).Order());

        // A second scan finds every event sent already.
        Assert.Equal(0, (await Harness.ScanAsync()).Notifications);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task AnEventWithoutAnIdIsNamedAndTheOthersInItsPackAreRecorded()
    {
        var good = Event("PlanItems:1:Overdue:2026-06-01", "1");
        var bad = Event("", "2");
        var body = System.Text.Json.JsonSerializer.Serialize(new NotificationBatchMessage([good, bad]), QueueSender.Json);

        var error = await Assert.ThrowsAsync<InvalidQueueMessageException>(() =>
            Harness.Get<QueueMessageDispatcher>().DispatchAsync(QueueNames.Notifications, body, 1, CancellationToken.None));

        Assert.Contains("PlanItems item 2 has no event id", error.Message, StringComparison.Ordinal);
        var pending = Assert.Single(await Harness.Get<PendingNotifications>().ListAsync(CancellationToken.None));
        Assert.Equal(good.EventId, pending.EventId);
    }

    [Fact]
    public void PacksKeepTheEventsInOrderWithinAHundredAndWithinWhatAQueueMessageHolds()
    {
        // Long texts (a title of 255 characters, clipped facts of 500): few to a pack.
        var large = Enumerable.Range(0, 150).Select(i => Event($"PlanItems:{i}:Overdue:2026-06-01", $"{i}", new string('Å', 255), new string('ä', 500))).ToList();
        // Short ones, without facts: a hundred to a pack.
        var small = Enumerable.Range(0, 250).Select(i => Event($"PlanItems:{i}:Overdue:2026-06-01", $"{i}") with { Facts = [], PlanItem = null }).ToList();

        var largePacks = NotificationBatchMessage.Pack(large, e => e);
        var smallPacks = NotificationBatchMessage.Pack(small, e => e);

        Assert.Equal(large, largePacks.SelectMany(p => p));
        Assert.True(largePacks.Count > 2, $"{largePacks.Count} packs");
        foreach (var pack in largePacks)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new NotificationBatchMessage(pack), QueueSender.Json);
            // What the queue stores is the base64 of the JSON, at most 64 KiB.
            Assert.InRange(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).Length, 1, 64 * 1024);
            Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, NotificationBatchMessage.MaxJsonBytes);
        }

        Assert.Equal(small, smallPacks.SelectMany(p => p));
        Assert.Equal([100, 100, 50], smallPacks.Select(p => p.Count));
    }

    private static NotificationMessage Event(string eventId, string itemId, string title = "Aktivitet", string body = "Arbetsmarknadsnämnden") =>
        new(eventId, NotificationEvents.PlanItemOverdue, "PlanItems", itemId, title, "7",
            [new("Slutdatum", "2026-06-01"), new("Ansvarig", body)], WebUrl: null, DateTimeOffset.UnixEpoch,
            new PlanItemNotice(new DateOnly(2026, 6, 1), 30, body, CaseNumber: null));
}
