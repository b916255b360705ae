using System.Globalization;
using Integration.Core.Notifications;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// The night's channel digest, end to end: plan items in the Graph stand-in, the sync and the
/// overdue scan into Azurite, the events off the notifications queue, and the digest posted over
/// HTTP to the Workflows stand-in. Assertions read what the stand-in received.
/// </summary>
public class ChannelDigestTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    private const string Hostile = "[klicka här](https://evil.example) <at>Alla</at> **viktigt**";

    [Fact]
    public async Task ANightSendsOneDigestWithEachItemInItsSectionInSwedish()
    {
        var overdue = Harness.List.AddPlanItem("Upphandla städtjänster från sociala företag – åäö ÅÄÖ", Anna, Today.AddDays(-12));
        Harness.List.AddPlanItem("Dialog med Arbetsförmedlingen", Omar, Today.AddDays(3));

        var result = await NightAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal((1, 0, 0), (result.Counts["channelPosts"], result.Counts["personal"], result.Counts["failed"]));
        var post = Assert.Single(Teams.Posts);
        Assert.Empty(post.Problems);
        // UTF-8 as it is, not \u escapes: å, ä and ö arrive as themselves.
        Assert.Contains("åäö ÅÄÖ", post.Body, StringComparison.Ordinal);
        Assert.Contains("Arbetsförmedlingen", post.Body, StringComparison.Ordinal);
        var runs = RunsReceived();
        Assert.Contains("Upphandla städtjänster från sociala företag – åäö ÅÄÖ", runs);
        Assert.Contains("Anna Lindqvist", runs);
        Assert.Contains("Arbetsmarknadsnämnden", runs);
        Assert.Contains("15 november 2026", runs);
        Assert.Contains("12 dagar", runs);
        Assert.Contains("om 3 dagar", runs);
        Assert.Contains("AMN 2015-0340-01.02", runs);
        var texts = Descendants(post.Cards.Single()).Where(n => (string?)n["type"] == "TextBlock").Select(n => (string)n["text"]!).ToList();
        Assert.Contains("27 november 2026", texts);
        Assert.Contains("Försenade aktiviteter: 1", texts);
        Assert.Contains("Aktiviteter som förfaller snart: 1", texts);
        var link = Descendants(post.Cards.Single()).Single(n => (string?)n["type"] == "Action.OpenUrl" && ((string)n["url"]!).EndsWith("ID=" + overdue.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal($"{Harness.Site.WebUrl}/Lists/Handlingsplan/DispForm.aspx?ID={overdue}", (string)link["url"]!);
    }

    [Fact]
    public async Task AHostileTitleShowsAsLiteralTextAndNoMarkdownPositionHoldsIt()
    {
        Harness.List.AddPlanItem(Hostile, Anna, Today.AddDays(-2));

        await NightAsync("night-1");

        var card = Assert.Single(Teams.Posts).Cards.Single();
        // The title stands whole in a TextRun, which Teams reads without markdown.
        Assert.Contains(Hostile, RunsReceived());
        var markdownPositions = Descendants(card).SelectMany(n => (string?)n["type"] switch
        {
            "TextBlock" => [(string)n["text"]!],
            "FactSet" => n["facts"]!.AsArray().SelectMany(f => new[] { (string)f!["title"]!, (string)f["value"]! }),
            _ => Array.Empty<string>(),
        }).ToList();
        Assert.NotEmpty(markdownPositions);
        Assert.All(markdownPositions, text =>
        {
            Assert.True(MarkdownEscape.IsEscaped(text), $"unescaped markdown position: {text}");
            Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<at>", text, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(Descendants(card), n => n["url"] is { } url && ((string)url!).Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedeliveredEventAndARerunTheSameDaySendNothingMore()
    {
        Harness.List.AddPlanItem("Försenad", Anna, Today.AddDays(-3));
        Harness.List.AddPlanItem("Snart", Omar, Today.AddDays(2));
        await Harness.SyncAsync("night-1");
        await Harness.ScanAsync();
        var events = await Harness.PeekNotificationsAsync();
        Assert.Equal(2, events.Count);
        Assert.Empty(await WorkQueueAsync());
        Assert.Equal(1, (await DigestAsync("night-1")).Counts["channelPosts"]);

        // The queue hands both events out again, and the digest request too.
        foreach (var e in events) await RedeliverAsync(e);
        await RedeliverAsync(new NotificationDigestMessage("night-1"));
        Assert.Empty(await WorkQueueAsync());
        // And the night is run again the same day.
        var rerun = await NightAsync("night-2");

        Assert.Single(Teams.Posts);
        Assert.Equal(SyncRunStatus.Succeeded, rerun.Status);
        Assert.Equal(0, rerun.Counts["channelPosts"]);
    }

    [Fact]
    public async Task ARerunWithOneNewEventSendsOnlyThatEvent()
    {
        Harness.List.AddPlanItem("Första", Anna, Today.AddDays(-3));
        await NightAsync("night-1");
        Harness.List.AddPlanItem("Ny sedan förra körningen", Omar, Today.AddDays(-1));

        var rerun = await NightAsync("night-2");

        Assert.Equal(1, rerun.Counts["channelPosts"]);
        Assert.Equal(2, Teams.Posts.Count);
        var second = Descendants(Teams.Posts[1].Cards.Single()).Where(n => (string?)n["type"] == "TextRun").Select(n => (string)n["text"]!).ToList();
        Assert.Contains("Ny sedan förra körningen", second);
        Assert.DoesNotContain("Första", second);
    }

    [Fact]
    public async Task ALargeNightIsSplitIntoPostsUnderTheLimitEachItemOnce()
    {
        var titles = Enumerable.Range(1, 60).Select(i => $"Aktivitet {i:D2}: " + new string('å', 200)).ToList();
        foreach (var title in titles) Harness.List.AddPlanItem(title, Anna, Today.AddDays(-5));

        var result = await NightAsync("night-1");

        Assert.True(Teams.Posts.Count > 1, "60 long items must not fit one message");
        Assert.Equal(Teams.Posts.Count, result.Counts["channelPosts"]);
        Assert.All(Teams.Posts, p =>
        {
            Assert.True(p.Bytes <= CardCheck.MaxMessageBytes, $"a post of {p.Bytes} bytes");
            Assert.Empty(p.Problems);
        });
        var runs = RunsReceived();
        Assert.All(titles, t => Assert.Single(runs, r => r == t));
        Assert.Contains($"Del 2 av {Teams.Posts.Count}", Descendants(Teams.Posts[1].Cards.Single()).Where(n => (string?)n["type"] == "TextBlock").Select(n => (string)n["text"]!));
    }

    [Fact]
    public async Task ANightWithoutEventsPostsNothing()
    {
        Harness.List.AddPlanItem("Långt fram", Anna, Today.AddDays(60));

        var result = await NightAsync("night-1");

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(0, result.Counts["channelPosts"]);
        Assert.Empty(Teams.Posts);
    }
}
