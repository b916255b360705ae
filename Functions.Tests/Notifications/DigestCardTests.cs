using System.Text.Json.Nodes;
using Integration.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Functions.Tests.Notifications;

/// <summary>The card's rules without HTTP: the escape rule, Swedish dates, our card check, the split, and the settings.</summary>
public class DigestCardTests
{
    private static readonly DateOnly Night = new(2026, 12, 2);

    [Theory]
    [InlineData("[klicka här](https://evil.example)", @"\[klicka här\]\(https://evil\.example\)")]
    [InlineData("**viktigt** <at>Alla</at>", @"\*\*viktigt\*\* \<at\>Alla\</at\>")]
    [InlineData(@"a\b _c_ #1 +2 -3 !4 ~5 |6 `7`", @"a\\b \_c\_ \#1 \+2 \-3 \!4 \~5 \|6 \`7\`")]
    [InlineData("Försenade aktiviteter: 3", "Försenade aktiviteter: 3")]
    public void EscapeSetsABackslashBeforeEachMarkdownCharacter(string text, string escaped)
    {
        Assert.Equal(escaped, MarkdownEscape.Escape(text));
        Assert.True(MarkdownEscape.IsEscaped(escaped));
    }

    [Theory]
    [InlineData("**fet**")]
    [InlineData(@"trailing\")]
    [InlineData("1.5")]
    public void IsEscapedFindsAnUnescapedCharacter(string text) => Assert.False(MarkdownEscape.IsEscaped(text));

    [Theory]
    [InlineData(2026, 12, 2, "2 december 2026")]
    [InlineData(2027, 1, 15, "15 januari 2027")]
    [InlineData(2026, 5, 31, "31 maj 2026")]
    public void DatesAreWrittenAsInSwedishProse(int year, int month, int day, string expected) =>
        Assert.Equal(expected, SwedishDates.Format(new DateOnly(year, month, day)));

    [Fact]
    public void APlanItemShowsItsFactsInSwedishAndOnlyAnHttpsLink()
    {
        var message = new NotificationMessage("e1", NotificationEvents.PlanItemOverdue, "PlanItems", "7", "Titel", "12", [], "javascript:alert(1)", DateTimeOffset.UnixEpoch,
            new PlanItemNotice(new DateOnly(2026, 11, 20), 12, "Arbetsmarknadsnämnden", "AMN 2015-0340-01.02"));

        var item = DigestItemMapper.ToItem(message, "Anna Lindqvist", DigestItemMapper.SafeLink(message.WebUrl));

        Assert.Equal(DigestSection.Overdue, item.Section);
        Assert.Null(item.Link);
        Assert.Equal(
            [new("Ansvarig", "Arbetsmarknadsnämnden"), new("Ägare", "Anna Lindqvist"), new("Slutdatum", "20 november 2026"), new("Försenad", "12 dagar"), new NotificationFact("Diarienummer", "AMN 2015-0340-01.02")],
            item.Facts);
    }

    [Fact]
    public void OurCardPassesTheCheckAndAnUnescapedTextBlockDoesNot()
    {
        var message = DigestCard.Message(Night, [new DigestItem("e", DigestSection.RegisterWarnings, "**x**", [new("Org.nr", "556677-8899")], new Uri("https://example.sharepoint.com/a"))]);
        Assert.Empty(CardCheck.Problems(message));

        var body = message["attachments"]![0]!["content"]!["body"]!.AsArray();
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "[klicka](https://evil.example)" });
        body.Add(new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(new JsonObject { ["type"] = "TextRun", ["text"] = "x", ["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = "http://plain.example" } }) });
        message["attachments"]![0]!["content"]!["version"] = "1.6";

        var problems = CardCheck.Problems(message);
        Assert.Contains(problems, p => p.Contains("unescaped", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("https", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("version", StringComparison.Ordinal));
    }

    [Fact]
    public void ASmallNightIsOnePostAndALargeOneIsSplitUnderTheLimitKeepingEveryItem()
    {
        var few = Items(3);
        var many = Items(120);

        var one = DigestPosts.Build(Night, few);
        var several = DigestPosts.Build(Night, many);

        Assert.Single(one);
        Assert.True(several.Count > 1);
        Assert.All(several, p => Assert.True(p.Bytes <= CardCheck.MaxMessageBytes && CardCheck.Problems(p.Message).Count == 0));
        Assert.Equal(many.Select(i => i.EventId).Order(StringComparer.Ordinal), several.SelectMany(p => p.EventIds).Order(StringComparer.Ordinal));
        Assert.Empty(DigestPosts.Build(Night, []));
    }

    [Fact]
    public void ALongTextIsClipped() =>
        Assert.Equal(DigestItem.MaxTextLength + 1, DigestItem.Clip(new string('ä', 5000)).Length);

    [Theory]
    [InlineData("https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=s", null)]
    [InlineData("http://127.0.0.1:5000/workflows/x", null)]
    [InlineData("http://flows.example/workflows/x", "https")]
    [InlineData("not a url", "absolute https URL")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv;SecretName=teams-workflow-webhook-url)", null)]
    public void TheWebhookUrlMustBeHttpsExceptOnLoopbackAndIsNeverQuoted(string url, string? failure)
    {
        var options = new TeamsOptions { WorkflowWebhookUrl = url };
        var result = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddNotifications(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .BuildServiceProvider().GetServices<IValidateOptions<TeamsOptions>>().Single().Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(url, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnresolvedKeyVaultReferenceIsNotConfiguredAndSaysSo()
    {
        var options = new TeamsOptions { WorkflowWebhookUrl = "@Microsoft.KeyVault(VaultName=kv;SecretName=teams-workflow-webhook-url)" };

        Assert.False(options.IsConfigured);
        Assert.Contains("Key Vault reference", options.NotConfiguredReason, StringComparison.Ordinal);
    }

    private static List<DigestItem> Items(int count) => Enumerable.Range(0, count).Select(i => new DigestItem(
        $"PlanItems:{i}:Overdue:2026-11-01", DigestSection.Overdue, $"Aktivitet {i} – " + new string('ö', 150),
        [new("Ansvarig", "Arbetsmarknadsnämnden"), new("Slutdatum", "1 november 2026")], new Uri($"https://stockholm.sharepoint.com/sites/n/Lists/H/DispForm.aspx?ID={i}"), i)).ToList();
}
