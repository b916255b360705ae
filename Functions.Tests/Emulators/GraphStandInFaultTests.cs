using System.Diagnostics;
using System.Net;
using Integration.Emulators.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace Integration.Functions.Tests.Emulators;

public class GraphStandInFaultTests : GraphStandInTest
{
    [Fact]
    public async Task Throttled_request_is_retried_by_the_sdk_after_retry_after()
    {
        AddPlanItem("Ett");
        StandIn.Faults.Throttle(count: 1, retryAfterSeconds: 1, pathContains: "delta");

        var read = await ReadDeltaAsync();

        Assert.Single(read.Items);
        var deltaCalls = StandIn.Requests.All.Where(r => r.PathAndQuery.Contains("delta", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], deltaCalls.Select(r => r.Status));
        Assert.True(deltaCalls[1].Time - deltaCalls[0].Time >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Throttling_answers_with_retry_after_and_a_graph_body()
    {
        StandIn.Faults.Throttle(count: 1, retryAfterSeconds: 7, status: 503);

        using var response = await Raw.GetAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        Assert.Contains("\"serviceNotAvailable\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Raw.GetAsync(new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}"))).StatusCode);
    }

    [Fact]
    public async Task Server_error_surfaces_as_an_odata_error_and_only_hits_matching_paths()
    {
        StandIn.Faults.Fail(count: 1, status: 500, pathContains: "/lists/");

        var site = await Client.Sites[Site.Id].GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site.Id].Lists[Plan.Id].GetAsync());

        Assert.NotNull(site);
        Assert.Equal(500, error.ResponseStatusCode);
        Assert.Equal("generalException", error.Error!.Code);
    }

    [Fact]
    public async Task Throttling_beyond_the_sdk_retries_surfaces_as_an_aggregate_exception()
    {
        StandIn.Faults.Throttle(count: 10, retryAfterSeconds: 0);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Client.Sites[Site.Id].GetAsync());

        Assert.IsType<AggregateException>(error);
        Assert.Equal(4, StandIn.Requests.Count("GET", "/sites/"));
    }

    [Fact]
    public async Task Latency_option_delays_every_answer()
    {
        await using var slow = await GraphStandIn.StartAsync(new GraphStandInOptions { Latency = TimeSpan.FromMilliseconds(300) });
        var site = slow.State.AddSite("contoso.sharepoint.com", "/sites/slow", "Långsam");

        var watch = Stopwatch.StartNew();
        using var response = await Raw.GetAsync(new Uri($"{slow.BaseUrl}/sites/{site.Id}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
    }
}
