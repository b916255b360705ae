using System.Net;
using System.Text;
using Integration.Core.Notifications;
using Integration.Emulators.Teams;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The Workflows webhook stand-in over HTTP: what it answers, what it records, and its faults.</summary>
public sealed class TeamsWebhookStandInTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private TeamsWebhookStandIn _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsWebhookStandIn.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string body, Uri? url = null)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.PostAsync(url ?? _teams.WebhookUrl, content);
    }

    [Fact]
    public void TheUrlHasTheShapeOfAWorkflowTriggerWithASignature()
    {
        Assert.Equal(IPAddress.Loopback.ToString(), _teams.WebhookUrl.Host);
        Assert.Matches("^/workflows/[0-9a-f]{32}/triggers/manual/paths/invoke$", _teams.WebhookUrl.AbsolutePath);
        Assert.Matches("sig=[0-9a-f]{32}", _teams.WebhookUrl.Query);
    }

    [Fact]
    public async Task AnInvalidCardIsAccepted202AndItsProblemsRecorded()
    {
        const string card = """{"type":"message","attachments":[{"contentType":"text/plain","content":{"type":"AdaptiveCard","version":"1.6","body":[{"type":"Carousel"},{"type":"TextBlock"}]}}]}""";

        using var response = await PostAsync(card);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var post = Assert.Single(_teams.Posts);
        Assert.Equal(card, post.Body);
        Assert.Contains(post.Problems, p => p.Contains("contentType", StringComparison.Ordinal));
        Assert.Contains(post.Problems, p => p.Contains("1.6", StringComparison.Ordinal));
        Assert.Contains(post.Problems, p => p.Contains("Carousel", StringComparison.Ordinal));
        Assert.Contains(post.Problems, p => p.Contains(".text is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotJsonAndTooLargeAreAcceptedTooAndRecordedAsProblems()
    {
        using var notJson = await PostAsync("hej");
        var large = DigestCard.Message(new DateOnly(2026, 12, 2), [new DigestItem("e", DigestSection.Overdue, new string('x', 40_000), [], null)]);
        using var tooLarge = await PostAsync(DigestPosts.Json(large));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (notJson.StatusCode, tooLarge.StatusCode));
        Assert.Contains("body is not a JSON object", _teams.Posts[0].Problems);
        Assert.Contains(_teams.Posts[1].Problems, p => p.Contains("bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OurDigestCardHasNoProblems()
    {
        var message = DigestCard.Message(new DateOnly(2026, 12, 2), [new DigestItem("e", DigestSection.DueSoon, "Dialog – åäö", [new("Ansvarig", "Arbetsmarknadsnämnden")], new Uri("https://stockholm.sharepoint.com/sites/x/Lists/Y/DispForm.aspx?ID=1"))]);

        using var response = await PostAsync(DigestPosts.Json(message));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(Assert.Single(_teams.Posts).Problems);
    }

    [Fact]
    public async Task AWrongSignatureIs401AndNothingIsRecorded()
    {
        var forged = new Uri(_teams.WebhookUrl.GetLeftPart(UriPartial.Path) + "?api-version=1&sig=0000");

        using var response = await PostAsync("{}", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_teams.Posts);
        Assert.Equal([401], _teams.Refused);
    }

    [Fact]
    public async Task FaultsThrottleFailAndRefuseInOrderThenPassAgain()
    {
        _teams.Faults.Throttle(retryAfterSeconds: 7);
        _teams.Faults.Pass();
        _teams.Faults.ServerError(status: 502);
        _teams.Faults.Refuse(status: 413);

        using var throttled = await PostAsync("{}");
        using var passed = await PostAsync("{}");
        using var failed = await PostAsync("{}");
        using var refused = await PostAsync("{}");
        using var after = await PostAsync("{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
        Assert.Contains("WorkflowRequestsThrottled", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            [HttpStatusCode.Accepted, HttpStatusCode.BadGateway, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.Accepted],
            new[] { passed, failed, refused, after }.Select(r => r.StatusCode));
        Assert.Equal(2, _teams.Posts.Count);
        Assert.Equal([429, 502, 413], _teams.Refused);
        Assert.Equal(0, _teams.Faults.Pending);
    }
}
