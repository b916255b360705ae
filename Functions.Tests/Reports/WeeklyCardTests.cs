using System.Text.Json.Nodes;
using Integration.Core.Notifications;
using Integration.Core.Reports;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Emulators.Teams;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Integration.Functions.Tests.Reports;

/// <summary>
/// "Veckans läge" in the channel, through the Workflows webhook stand-in: posted once per week with
/// the week's figures and a link to the report in the library, checked like the digest's cards.
/// </summary>
public class WeeklyCardTests(AzuriteFixture azurite) : ReportTest(azurite)
{
    private TeamsWebhookStandIn _teams = null!;
    private DocumentLibrary _library = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["SharePoint:Libraries:Reports"] = "Lägesrapporter",
        ["Teams:WorkflowWebhookUrl"] = _teams.WebhookUrl.ToString(),
    };

    // The resilience pipeline waits on the harness's fake clock: retries come at once here.
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);
    }

    public override async Task InitializeAsync()
    {
        _teams = await TeamsWebhookStandIn.StartAsync();
        await base.InitializeAsync();
        _library = Harness.Site.AddDocumentLibrary("Lägesrapporter");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _teams.DisposeAsync();
    }

    private Task<SyncRunRecord> RunAsync(string runId) => Harness.Get<StatusReportStep>().RunAsync(runId, CancellationToken.None, Week49);

    private static Dictionary<string, string> Facts(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(b => (string?)b["type"] == "FactSet")["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);

    [Fact]
    public async Task TheCardCarriesTheWeeksFiguresAndTheLinkAndIsPostedOncePerWeek()
    {
        await TwoNightsAsync();

        var first = await RunAsync("monday-1");
        var second = await RunAsync("monday-2");

        Assert.Equal((SyncRunStatus.Succeeded, SyncRunStatus.Succeeded), (first.Status, second.Status));
        Assert.Equal((1, 0, 1), (first.Counts["cardsPosted"], second.Counts["cardsPosted"], second.Counts["cardsAlreadyPosted"]));
        var post = Assert.Single(_teams.Posts);
        Assert.Empty(post.Problems);
        var card = Assert.Single(post.Cards);
        var body = card["body"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(MarkdownEscape.Escape("Veckans läge – vecka 49, 2026"), (string?)body[0]["text"]);
        var facts = Facts(card);
        Assert.Equal(MarkdownEscape.Escape("1 av 2 (Gul)"), facts[MarkdownEscape.Escape("Mål uppnådda")]);
        Assert.Equal(MarkdownEscape.Escape("2, +1 sedan förra veckan (Röd)"), facts[MarkdownEscape.Escape("Försenade aktiviteter")]);
        Assert.Equal(MarkdownEscape.Escape("350 000 kr"), facts[MarkdownEscape.Escape("Avtalens årsvärde 2026")]);
        Assert.Equal(6, facts.Count);
        var open = card["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.OpenUrl", (string?)open["type"]);
        var url = (string)open["url"]!;
        // The file's webUrl as Graph gave it on upload: where a reader opens it in SharePoint.
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        Assert.EndsWith("/L%C3%A4gesrapport%202026-v49.pdf", url, StringComparison.Ordinal);
        Assert.Empty(CardCheck.Problems(post.Json!.AsObject()));
    }

    [Fact]
    public async Task ARefusedPostFailsTheStepAndTheNextRunPostsIt()
    {
        await TwoNightsAsync();
        _teams.Faults.Refuse(count: 1, status: 400);

        var refused = await RunAsync("monday-1");
        var again = await RunAsync("monday-2");

        Assert.Equal(SyncRunStatus.Failed, refused.Status);
        Assert.Contains("Veckans läge", refused.Detail, StringComparison.Ordinal);
        Assert.Equal((SyncRunStatus.Succeeded, 1), (again.Status, again.Counts["cardsPosted"]));
        Assert.Single(_teams.Posts, p => p.Status == 202);
        Assert.Equal(1, _library.FileCount);
    }

    [Fact]
    public void TheCardAsTextShowsTheSameFigures()
    {
        var model = new StatusReportModel(Week49, Week49.Sunday, Week49.Sunday, DateTimeOffset.UnixEpoch,
            new ReportHeadline(3, 4, 40, 30, 5, 7, 2, 1, 12, 1_250_000, 2026), [], [], 0, [], [], [], [], []);

        var text = WeeklyCard.AsText(model, "https://contoso.sharepoint.com/r.pdf");

        Assert.Contains("Veckans läge – vecka 49, 2026", text, StringComparison.Ordinal);
        Assert.Contains("Mål uppnådda: 3 av 4 (Gul)", text, StringComparison.Ordinal);
        Assert.Contains("Försenade aktiviteter: 5, −2 sedan förra veckan (Gul)", text, StringComparison.Ordinal);
        Assert.Contains("Avtalens årsvärde 2026: 1 250 000 kr", text, StringComparison.Ordinal);
        Assert.Contains("https://contoso.sharepoint.com/r.pdf", text, StringComparison.Ordinal);
    }
}
