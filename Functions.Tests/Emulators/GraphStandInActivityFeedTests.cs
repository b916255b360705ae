using System.Net;
using System.Text;
using Integration.Emulators.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The stand-in's <c>sendActivityNotification</c>, driven by the real Graph SDK and, for bodies the SDK never writes, by plain HTTP.</summary>
public class GraphStandInActivityFeedTests : GraphStandInTest
{
    private const string Upn = "anna.lindqvist@natverket.example";

    private static SendActivityNotificationPostRequestBody Body(string text = "Försenad 3 dagar: Kartlägga inköp") => new()
    {
        ActivityType = "systemDefault",
        Topic = new TeamworkActivityTopic { Source = TeamworkActivityTopicSource.Text, Value = "Handlingsplanen", WebUrl = "https://stockholm.sharepoint.com/sites/n/Lists/H/DispForm.aspx?ID=1" },
        PreviewText = new ItemBody { Content = text },
        TemplateParameters = [new Microsoft.Graph.Models.KeyValuePair { Name = "systemDefault", Value = text }],
    };

    [Fact]
    public async Task AKnownUserWithTheAppGets204AndTheNotificationIsRecorded()
    {
        StandIn.ActivityFeed.AddUser(Upn);

        await Client.Users[Upn].Teamwork.SendActivityNotification.PostAsync(Body());

        var received = Assert.Single(StandIn.ActivityFeed.Delivered);
        Assert.Equal((Upn, "systemDefault", "text", "Handlingsplanen"), (received.User, received.ActivityType, received.TopicSource, received.TopicValue));
        Assert.Equal("Försenad 3 dagar: Kartlägga inköp", received.TemplateParameters["systemDefault"]);
        Assert.Equal("Försenad 3 dagar: Kartlägga inköp", received.PreviewText);
        Assert.Equal(204, Assert.Single(StandIn.Requests.All).Status);
    }

    [Fact]
    public async Task AnUnknownUserGets404()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users["nobody@natverket.example"].Teamwork.SendActivityNotification.PostAsync(Body()));

        Assert.Equal((404, "Request_ResourceNotFound"), (error.ResponseStatusCode, error.Error?.Code));
        Assert.Equal(404, Assert.Single(StandIn.ActivityFeed.Received).Status);
    }

    [Fact]
    public async Task AUserWithoutTheAppGets403ForbiddenUntilItIsInstalled()
    {
        StandIn.ActivityFeed.AddUser(Upn, appInstalled: false);

        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users[Upn].Teamwork.SendActivityNotification.PostAsync(Body()));
        StandIn.ActivityFeed.SetAppInstalled(Upn, true);
        await Client.Users[Upn].Teamwork.SendActivityNotification.PostAsync(Body());

        Assert.Equal((403, "Forbidden"), (error.ResponseStatusCode, error.Error?.Code));
        Assert.Contains("installed", error.Error?.Message, StringComparison.Ordinal);
        Assert.Equal([403, 204], StandIn.ActivityFeed.Received.Select(n => n.Status));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"activityType":"taskCreated","topic":{"source":"text","value":"x","webUrl":"https://x.example/"},"previewText":{"content":"x"}}""")]
    [InlineData("""{"activityType":"systemDefault","topic":{"source":"text","value":"x"},"previewText":{"content":"x"},"templateParameters":[{"name":"systemDefault","value":"x"}]}""")]
    [InlineData("""{"activityType":"systemDefault","topic":{"source":"text","value":"x","webUrl":"https://x.example/"},"previewText":{"content":"x"}}""")]
    [InlineData("not json")]
    public async Task ABodyGraphWouldNotTakeGets400(string body)
    {
        StandIn.ActivityFeed.AddUser(Upn);

        using var response = await Raw.PostAsync(new Uri($"{StandIn.BaseUrl}/users/{Upn}/teamwork/sendActivityNotification"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"BadRequest\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(StandIn.ActivityFeed.Delivered);
    }

    [Fact]
    public async Task TheQualifiedActionNameIsAcceptedToo()
    {
        StandIn.ActivityFeed.AddUser(Upn);
        var body = """{"activityType":"systemDefault","topic":{"source":"text","value":"x","webUrl":"https://x.example/"},"previewText":{"content":"x"},"templateParameters":[{"name":"systemDefault","value":"x"}]}""";

        using var response = await Raw.PostAsync(new Uri($"{StandIn.BaseUrl}/users/{Uri.EscapeDataString(Upn)}/teamwork/microsoft.graph.sendActivityNotification"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Upn, Assert.Single(StandIn.ActivityFeed.Delivered).User);
    }

    [Fact]
    public async Task ThrottlingOnDemandAnswers429WithRetryAfterAndTheSdkRetries()
    {
        StandIn.ActivityFeed.AddUser(Upn);
        StandIn.Faults.Throttle(count: 1, retryAfterSeconds: 0, pathContains: TeamsActivityFeed.Action);

        await Client.Users[Upn].Teamwork.SendActivityNotification.PostAsync(Body());

        Assert.Equal([429, 204], StandIn.Requests.All.Select(r => r.Status));
        Assert.Single(StandIn.ActivityFeed.Delivered);
    }
}
