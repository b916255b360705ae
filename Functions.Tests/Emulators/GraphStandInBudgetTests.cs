using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// SharePoint's resource-unit budget on the stand-in, on a fake clock so a window ends when the test says: direct
/// requests and the requests of a batch are served while they fit, then answered 429 with Retry-After, with the
/// RateLimit headers from 80% used.
/// </summary>
public sealed class GraphStandInBudgetTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    // Properties, not fields: xUnit's IAsyncLifetime disposes them, which CA1001 cannot see.
    private GraphStandIn StandIn { get; set; } = null!;

    private HttpClient SdkHttp { get; set; } = null!;

    private GraphServiceClient Client { get; set; } = null!;

    /// <summary>A client without the SDK's retry handler, so a 429 is seen as it is answered.</summary>
    private HttpClient Raw { get; } = new();

    private SharePointSite Site { get; set; } = null!;

    private SharePointList Plan { get; set; } = null!;

    public async Task InitializeAsync()
    {
        StandIn = await GraphStandIn.StartAsync(new GraphStandInOptions { Clock = clock, ResourceUnitBudget = 100, ResourceUnitWindow = Window });
        Site = StandIn.State.AddSite("contoso.sharepoint.com", "/sites/handlingsplan", "Handlingsplan för sociala företag");
        Plan = Site.AddList("Action Plan").DefineColumn("Status");
        SdkHttp = GraphClientFactory.Create();
        Client = new GraphServiceClient(SdkHttp, new AnonymousAuthenticationProvider(), StandIn.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        SdkHttp.Dispose();
        Raw.Dispose();
        await StandIn.DisposeAsync();
    }

    [Fact]
    public async Task Sixty_patches_on_a_budget_of_100_units_serve_fifty_warn_from_80_units_then_throttle_until_the_window_ends()
    {
        var id = Plan.Add(new Dictionary<string, object?> { ["Title"] = "Aktivitet" });

        var answers = new List<(HttpStatusCode Status, HttpResponseHeaders Headers)>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await PatchAsync(id, $"Status {i}");
            answers.Add((response.StatusCode, response.Headers));
        }

        Assert.All(answers.Take(50), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Skip(50), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Equal("Status 49", Status(id));
        // 2 units each: the 40th PATCH brings the window to 80 of 100 units.
        Assert.All(answers.Take(39), a => Assert.False(a.Headers.Contains("RateLimit-Remaining")));
        for (var i = 39; i < 50; i++)
        {
            Assert.Equal("100", Header(answers[i].Headers, "RateLimit-Limit"));
            Assert.Equal(Invariant(100 - (2 * (i + 1))), Header(answers[i].Headers, "RateLimit-Remaining"));
            Assert.Equal("2", Header(answers[i].Headers, "RateLimit-Reset"));
        }

        Assert.All(answers.Skip(50), a =>
        {
            Assert.Equal(TimeSpan.FromSeconds(2), a.Headers.RetryAfter?.Delta);
            Assert.Equal("0", Header(a.Headers, "RateLimit-Remaining"));
        });

        // Whole seconds, rounded up: 0.8 s left is a Retry-After of 1.
        clock.Advance(TimeSpan.FromMilliseconds(1200));
        using (var late = await PatchAsync(id, "För tidigt"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, late.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), late.Headers.RetryAfter?.Delta);
            var error = JsonNode.Parse(await late.Content.ReadAsStringAsync())!;
            Assert.Equal("activityLimitReached", error["error"]!["code"]!.GetValue<string>());
        }

        clock.Advance(TimeSpan.FromMilliseconds(800));
        using (var next = await PatchAsync(id, "Nytt fönster"))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
            Assert.False(next.Headers.Contains("RateLimit-Remaining"));
        }

        Assert.Equal("Nytt fönster", Status(id));
        Assert.Equal(2, StandIn.Budget.Used);
        var counts = StandIn.Requests.CountByKind();
        Assert.Equal(62, counts.FieldsPatch);
        Assert.Equal(11, counts.Throttled);
        // Throttled operations cost nothing here (SharePoint charges them too; the stand-in keeps the sum predictable).
        Assert.Equal(102, counts.ResourceUnits);
        Assert.Equal(62, counts.Total);
    }

    [Fact]
    public async Task A_batch_of_twenty_patches_with_ten_units_left_serves_five_and_throttles_fifteen_each_with_retry_after()
    {
        var ids = Enumerable.Range(1, 20).Select(i => Plan.Add(new Dictionary<string, object?> { ["Title"] = $"Aktivitet {i}" })).ToList();
        for (var i = 0; i < 45; i++)
        {
            using var spent = await PatchAsync(ids[0], "Förbrukar");
            Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        }

        var batch = new BatchRequestContentCollection(Client);
        var steps = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var patch = Client.Sites[Site.Id].Lists[Plan.Id].Items[Invariant(id)].Fields.ToPatchRequestInformation(
                new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Status"] = "Klar" } });
            steps[await batch.AddBatchRequestStepAsync(patch)] = id;
        }

        var response = await Client.Batch.PostAsync(batch);

        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(5, statuses.Values.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Values.Count(s => s == HttpStatusCode.TooManyRequests));
        foreach (var (step, status) in statuses)
        {
            using var answer = await response.GetResponseByIdAsync(step);
            Assert.Equal("100", Header(answer.Headers, "RateLimit-Limit"));
            if (status == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(2), answer.Headers.RetryAfter?.Delta);
                Assert.Equal(ids[0] == steps[step] ? "Förbrukar" : null, Status(steps[step]));
            }
            else
            {
                Assert.Null(answer.Headers.RetryAfter);
                Assert.Equal("Klar", Status(steps[step]));
            }
        }

        var counts = StandIn.Requests.CountByKind();
        Assert.Equal(20, counts.Batched);
        Assert.Equal(15, counts.Throttled);
        Assert.Equal(100, counts.ResourceUnits);
        Assert.Equal(45 + 1, counts.Total);
        Assert.Equal(100, StandIn.Budget.Used);
    }

    [Fact]
    public async Task The_download_url_and_the_batch_envelope_are_never_metered_and_the_budget_can_be_changed_while_running()
    {
        var notes = Site.AddDocumentLibrary("Mötesanteckningar");
        var file = notes.AddFile("Protokoll.docx", Encoding.UTF8.GetBytes("Protokoll"));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        StandIn.Budget.Set(1, TimeSpan.FromMinutes(1));

        using var content = await noRedirects.GetAsync(new Uri($"{StandIn.BaseUrl}/drives/{notes.DriveId}/items/{file}/content"));
        using var download = await Raw.GetAsync(content.Headers.Location);
        using var envelope = await Raw.PostAsync(new Uri(StandIn.BaseUrl + "/$batch"), Json(
            $$"""{"requests":[{"id":"1","method":"GET","url":"/drives/{{notes.DriveId}}/items/{{file}}"}]}"""));
        var answer = JsonNode.Parse(await envelope.Content.ReadAsStringAsync())!["responses"]![0]!;

        Assert.Equal(HttpStatusCode.Found, content.StatusCode);
        Assert.Equal("1", Header(content.Headers, "RateLimit-Limit"));
        Assert.Equal("0", Header(content.Headers, "RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("Protokoll", await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, envelope.StatusCode);
        Assert.Equal(429, answer["status"]!.GetValue<int>());
        Assert.Equal("60", answer["headers"]!["Retry-After"]!.GetValue<string>());

        StandIn.Budget.Set(null, TimeSpan.FromMinutes(1));
        using var free = await Raw.GetAsync(new Uri($"{StandIn.BaseUrl}/drives/{notes.DriveId}/items/{file}"));
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.False(free.Headers.Contains("RateLimit-Limit"));
        Assert.Equal(1, StandIn.Requests.CountByKind().Throttled);
    }

    [Fact]
    public async Task The_budget_and_the_new_counts_round_trip_through_a_stand_in_process_and_its_control_api()
    {
        await using var process = await GraphStandInProcess.StartAsync(new GraphStandInOptions { ResourceUnitBudget = 4, ResourceUnitWindow = TimeSpan.FromMinutes(1) });
        var seeded = await process.Control.SeedPlanItemsAsync(5, seed: 1, new DateOnly(2026, 12, 8), owners: 2);
        var item = $"{process.BaseUrl}/sites/{seeded.SiteId}/lists/{seeded.ListId}/items/";

        var started = await process.Control.GetResourceUnitBudgetAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            using var response = await Raw.GetAsync(new Uri(item + Invariant(i)));
            statuses.Add(response.StatusCode);
            if (i == 5)
            {
                Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            }
        }

        var used = await process.Control.GetResourceUnitBudgetAsync();
        await process.Control.SetResourceUnitBudgetAsync(null, TimeSpan.FromMinutes(1));
        using var envelope = await Raw.PostAsync(new Uri(process.BaseUrl + "/$batch"), Json(
            $$"""{"requests":[{"id":"a","method":"GET","url":"sites/{{seeded.SiteId}}/lists/{{seeded.ListId}}/items/1"},{"id":"b","method":"GET","url":"/sites/{{seeded.SiteId}}/lists/{{seeded.ListId}}/items"}]}"""));
        var counts = await process.Control.GetRequestCountsAsync();
        var off = await process.Control.GetResourceUnitBudgetAsync();

        Assert.Equal(new ResourceUnitBudgetState(4, TimeSpan.FromMinutes(1), 0), started);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(new ResourceUnitBudgetState(4, TimeSpan.FromMinutes(1), 4), used);
        Assert.Null(off.Limit);
        Assert.Equal(HttpStatusCode.OK, envelope.StatusCode);
        // Five item reads and the batch's item read and listing; the throttled read cost nothing.
        Assert.Equal(new RequestCounts(Delta: 0, Items: 1, Item: 6, FieldsPatch: 0, List: 0, Site: 0, UserLookup: 0, Other: 0,
            Batch: 1, Batched: 2, ResourceUnits: 4 + 1 + 2, Throttled: 1, MostThrottlesOfOneRequest: 1), counts);
        Assert.Equal(6, counts.Total);
    }

    private Task<HttpResponseMessage> PatchAsync(int id, string status)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"{StandIn.BaseUrl}/sites/{Site.Id}/lists/{Plan.Id}/items/{Invariant(id)}/fields"))
        {
            Content = Json(new JsonObject { ["Status"] = status }.ToJsonString()),
        };
        return SendAndDisposeRequestAsync(request);
    }

    private async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Raw.SendAsync(request);
        }
    }

    private string? Status(int id) => Plan.GetFields(id)?.GetValueOrDefault("Status")?.ToString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
