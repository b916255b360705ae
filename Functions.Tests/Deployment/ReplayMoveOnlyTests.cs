using Integration.Cli.Replay;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// <c>replay &lt;queue&gt; --move-only</c>, what an on-call engineer with queue access (and no table
/// write) runs against production: the poison messages go back to their queue, untouched, for the
/// deployed app to work; nothing is worked here.
/// </summary>
public class ReplayMoveOnlyTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task The_messages_go_back_to_their_queue_and_are_left_for_the_app()
    {
        var storage = Harness.Get<IntegrationStorage>();
        var poison = await storage.QueueAsync(QueueNames.Poison(QueueNames.Notifications));
        var queue = await storage.QueueAsync(QueueNames.Notifications);
        await poison.SendMessageAsync("eyJraW5kIjoibm90aWZpY2F0aW9uLWRpZ2VzdCJ9");
        await poison.SendMessageAsync("eyJraW5kIjoibm90aWZpY2F0aW9uLWRpZ2VzdCIsInJ1bklkIjoiMiJ9");

        var summary = await new ReplayRunner(Harness.Configuration, verbose: false, _ => { }) { MoveOnly = true }
            .RunAsync(QueueNames.Notifications, CancellationToken.None);

        Assert.Equal((2, true, 0, 0), (summary.Replayed, summary.MovedOnly, summary.Succeeded, summary.Failed));
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var back = (await queue.PeekMessagesAsync(32)).Value;
        string[] sent = ["eyJraW5kIjoibm90aWZpY2F0aW9uLWRpZ2VzdCJ9", "eyJraW5kIjoibm90aWZpY2F0aW9uLWRpZ2VzdCIsInJ1bklkIjoiMiJ9"];
        Assert.Equal(sent.Order(StringComparer.Ordinal), back.Select(m => m.Body.ToString()).Order(StringComparer.Ordinal));
    }
}
