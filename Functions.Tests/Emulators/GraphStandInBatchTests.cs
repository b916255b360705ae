using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integration.Emulators.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit.Abstractions;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// JSON batching (<c>POST /v1.0/$batch</c>) through the real Graph SDK's batch collection and with raw envelopes: each
/// request of a batch is served, faulted, logged and counted as it would be on its own.
/// </summary>
public class GraphStandInBatchTests(ITestOutputHelper output) : GraphStandInTest
{
    private DocumentLibrary Notes { get; set; } = null!;

    protected override void AddToSite() => Notes = Site.AddDocumentLibrary("Mötesanteckningar").DefineColumn("Kategori");

    [Fact]
    public async Task Twenty_fields_patches_in_one_sdk_batch_are_applied_answered_per_id_and_counted_as_one_request_on_the_wire()
    {
        var ids = Enumerable.Range(1, 20).Select(i => AddPlanItem($"Aktivitet {i}")).ToList();
        var batch = new BatchRequestContentCollection(Client);
        var steps = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            steps[await batch.AddBatchRequestStepAsync(Patch(id, $"Status {id}"))] = id;
        }

        var response = await Client.Batch.PostAsync(batch);

        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(steps.Keys.Order(), statuses.Keys.Order());
        Assert.All(statuses.Values, status => Assert.Equal(HttpStatusCode.OK, status));
        foreach (var (step, id) in steps)
        {
            var fields = await response.GetResponseByIdAsync<FieldValueSet>(step);
            Assert.Equal($"Status {id}", fields.AdditionalData["Status"]?.ToString());
            Assert.Equal($"Aktivitet {id}", fields.AdditionalData["Title"]?.ToString());
            Assert.Equal($"Status {id}", Status(id));
        }

        var counts = StandIn.Requests.CountByKind();
        Assert.Equal(1, counts.Total);
        Assert.Equal(1, counts.Batch);
        Assert.Equal(20, counts.FieldsPatch);
        Assert.Equal(20, counts.Batched);
        Assert.Equal(40, counts.ResourceUnits);
        Assert.Equal(0, counts.Throttled);
        var log = StandIn.Requests.All;
        var envelope = Assert.Single(log, r => r.Kind == RequestKind.Batch);
        Assert.Equal("/v1.0/$batch", envelope.PathAndQuery);
        Assert.False(envelope.InBatch);
        Assert.Equal(0, envelope.ResourceUnits);
        var patches = log.Where(r => r.Kind == RequestKind.FieldsPatch).ToList();
        Assert.All(patches, r => Assert.True(r.InBatch));
        Assert.All(patches, r => Assert.Equal(2, r.ResourceUnits));
        Assert.Single(patches.Select(r => r.BatchId).Distinct());
    }

    [Fact]
    public async Task The_sdk_writes_urls_relative_to_the_version_root_and_json_bodies_inline_and_the_stand_in_takes_them()
    {
        var id = AddPlanItem("Aktivitet");
        using var recorder = new EnvelopeRecorder();
        using var http = GraphClientFactory.Create(finalHandler: recorder);
        using var client = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), StandIn.BaseUrl.ToString());
        var batch = new BatchRequestContentCollection(client);
        var patch = await batch.AddBatchRequestStepAsync(Patch(id, "Pågår"));
        var read = await batch.AddBatchRequestStepAsync(client.Drives[Notes.DriveId].Items["root"].ListItem.ToGetRequestInformation(rc =>
        {
            rc.QueryParameters.Expand = ["fields($select=Title,Kategori)"];
        }));

        var response = await client.Batch.PostAsync(batch);

        var sent = Assert.Single(recorder.Bodies);
        output.WriteLine(sent);
        var requests = JsonNode.Parse(sent)!["requests"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>());
        Assert.Equal($"/sites/{Site.Id}/lists/{Plan.Id}/items/{id}/fields", requests[patch]!["url"]!.GetValue<string>());
        Assert.Equal("PATCH", requests[patch]!["method"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Object, requests[patch]!["body"]!.GetValueKind());
        Assert.Equal("Pågår", requests[patch]!["body"]!["Status"]!.GetValue<string>());
        Assert.StartsWith("application/json", requests[patch]!["headers"]!["Content-Type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith($"/drives/{Notes.DriveId}/items/root/listItem?", requests[read]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(HttpStatusCode.OK, statuses[patch]);
        Assert.Equal("Pågår", Status(id));
    }

    [Fact]
    public async Task Get_requests_in_a_batch_answer_the_json_a_direct_get_gives_with_or_without_a_leading_slash()
    {
        var id = AddPlanItem("Aktivitet", new Dictionary<string, object?> { ["Status"] = "Pågår" });
        var file = Notes.AddFile("Protokoll.docx", Encoding.UTF8.GetBytes("Protokoll"));
        var urls = new Dictionary<string, string>
        {
            ["item"] = $"/sites/{Site.Id}/lists/{Plan.Id}/items/{id}?$expand=fields($select=Title,Status)",
            ["fields"] = $"sites/{Site.Id}/lists/{Plan.Id}/items/{id}/fields",
            ["items"] = $"sites/{Site.Id}/lists/{Plan.Id}/items?$expand=fields&$top=5",
            ["listItem"] = $"/drives/{Notes.DriveId}/items/{file}/listItem?$expand=fields($select=Title,Kategori)",
        };

        var responses = await PostBatchAsync(new JsonArray([.. urls.Select(u => Request(u.Key, "GET", u.Value))]));

        foreach (var (key, url) in urls)
        {
            var direct = JsonNode.Parse(await Raw.GetStringAsync(new Uri(StandIn.BaseUrl + "/" + url.TrimStart('/'))));
            var answer = responses[key];
            Assert.Equal(200, answer["status"]!.GetValue<int>());
            Assert.StartsWith("application/json", answer["headers"]!["Content-Type"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(direct, answer["body"]), $"{key}: {answer["body"]} differs from {direct}");
        }

        var log = StandIn.Requests.All;
        Assert.Equal(4, log.Count(r => r.InBatch));
        Assert.Equal(RequestKind.Items, log.First(r => r.InBatch && r.PathAndQuery.Contains("/items?", StringComparison.Ordinal)).Kind);
    }

    [Fact]
    public async Task One_request_of_a_batch_can_be_throttled_or_fail_on_its_own_while_the_others_are_served()
    {
        var ids = Enumerable.Range(1, 5).Select(i => AddPlanItem($"Aktivitet {i}")).ToList();
        Plan.Delete(ids[1]);
        var stale = (await PlanItems[ids[2].ToString(CultureInfo.InvariantCulture)].GetAsync())!.ETag!;
        Plan.Update(ids[2], new Dictionary<string, object?> { ["Status"] = "Ändrad av någon annan" });
        StandIn.Requests.Clear();
        StandIn.Faults.Throttle(1, retryAfterSeconds: 2, pathContains: $"/items/{ids[0]}/fields");
        StandIn.Faults.Throttle(1, retryAfterSeconds: 3, status: 503, pathContains: $"/items/{ids[3]}/fields");
        var batch = new BatchRequestContentCollection(Client);
        var steps = new List<string>();
        foreach (var id in ids)
        {
            var request = Patch(id, "Klar");
            if (id == ids[2])
            {
                request.Headers.Add("If-Match", stale);
            }

            steps.Add(await batch.AddBatchRequestStepAsync(request));
        }

        var response = await Client.Batch.PostAsync(batch);

        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(
            [HttpStatusCode.TooManyRequests, HttpStatusCode.NotFound, HttpStatusCode.PreconditionFailed, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK],
            steps.Select(s => statuses[s]));
        using var throttled = await response.GetResponseByIdAsync(steps[0]);
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        var error = JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!;
        Assert.Equal("activityLimitReached", error["error"]!["code"]!.GetValue<string>());
        using var unavailable = await response.GetResponseByIdAsync(steps[3]);
        Assert.Equal(TimeSpan.FromSeconds(3), unavailable.Headers.RetryAfter?.Delta);
        Assert.Equal("Klar", Status(ids[4]));
        Assert.Null(Status(ids[0]));
        Assert.Equal("Ändrad av någon annan", Status(ids[2]));
        var counts = StandIn.Requests.CountByKind();
        Assert.Equal(2, counts.Throttled);
        Assert.Equal(5, counts.Batched);
        // The throttled two were not served, so they cost nothing; the 404 and the 412 were.
        Assert.Equal(3 * 2, counts.ResourceUnits);
    }

    [Fact]
    public async Task A_raw_throttled_sub_response_carries_retry_after_as_whole_seconds_in_its_own_headers()
    {
        var id = AddPlanItem("Aktivitet");
        StandIn.Faults.Throttle(1, retryAfterSeconds: 2, pathContains: $"/items/{id}/fields");

        var responses = await PostBatchAsync(new JsonArray(
            Request("1", "PATCH", $"/sites/{Site.Id}/lists/{Plan.Id}/items/{id}/fields", new JsonObject { ["Status"] = "Klar" }),
            Request("2", "GET", $"/sites/{Site.Id}/lists/{Plan.Id}/items/{id}")));

        Assert.Equal(429, responses["1"]["status"]!.GetValue<int>());
        Assert.Equal("2", responses["1"]["headers"]!["Retry-After"]!.GetValue<string>());
        Assert.Equal("activityLimitReached", responses["1"]["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(200, responses["2"]["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_delete_answers_204_without_a_body_and_a_request_depending_on_a_failed_one_answers_424()
    {
        var id = AddPlanItem("Aktivitet");
        var item = $"/sites/{Site.Id}/lists/{Plan.Id}/items/{id}";

        var responses = await PostBatchAsync(new JsonArray(
            Request("read", "GET", item, dependsOn: ["delete"]),
            Request("delete", "DELETE", item),
            Request("missing", "GET", item + "9"),
            Request("after-missing", "GET", item, dependsOn: ["missing"])));

        Assert.Equal(204, responses["delete"]["status"]!.GetValue<int>());
        Assert.Null(responses["delete"]["body"]);
        Assert.Equal(404, responses["read"]["status"]!.GetValue<int>());
        Assert.Equal(404, responses["missing"]["status"]!.GetValue<int>());
        Assert.Equal(424, responses["after-missing"]["status"]!.GetValue<int>());
        Assert.Null(Plan.GetFields(id));
        // The dependent on the failed request was never sent.
        Assert.Equal(3, StandIn.Requests.All.Count(r => r.InBatch));
    }

    [Fact]
    public async Task More_than_twenty_requests_repeated_ids_unknown_dependencies_absolute_urls_and_nested_batches_are_refused_whole_with_400()
    {
        var id = AddPlanItem("Aktivitet");
        var url = $"/sites/{Site.Id}/lists/{Plan.Id}/items/{id}";
        JsonArray[] refused =
        [
            new([.. Enumerable.Range(1, 21).Select(i => Request(i.ToString(CultureInfo.InvariantCulture), "GET", url))]),
            new(Request("1", "GET", url), Request("1", "GET", url + "/fields")),
            new(Request("1", "GET", url, dependsOn: ["2"])),
            new(Request("1", "GET", "https://graph.microsoft.com/v1.0" + url)),
            new(Request("1", "FETCH", url)),
            new(Request("1", "POST", "/$batch", new JsonObject { ["requests"] = new JsonArray() })),
            [],
        ];

        foreach (var requests in refused)
        {
            using var response = await PostRawAsync(new JsonObject { ["requests"] = requests }.ToJsonString());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("BadRequest", error["error"]!["code"]!.GetValue<string>());
        }

        using var notJson = await PostRawAsync("{\"requests\": [");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var twenty = new JsonArray([.. Enumerable.Range(1, 20).Select(i => Request(i.ToString(CultureInfo.InvariantCulture), "GET", url))]);
        Assert.Equal(20, (await PostBatchAsync(twenty)).Count);
        Assert.Equal(20, StandIn.Requests.All.Count(r => r.InBatch));
    }

    private string? Status(int id) => Plan.GetFields(id)?.GetValueOrDefault("Status")?.ToString();

    private RequestInformation Patch(int id, string status) =>
        PlanItems[id.ToString(CultureInfo.InvariantCulture)].Fields.ToPatchRequestInformation(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Status"] = status } });

    private static JsonObject Request(string id, string method, string url, JsonObject? body = null, string[]? dependsOn = null)
    {
        var request = new JsonObject { ["id"] = id, ["method"] = method, ["url"] = url };
        if (body is not null)
        {
            request["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
            request["body"] = body;
        }

        if (dependsOn is not null)
        {
            request["dependsOn"] = new JsonArray([.. dependsOn.Select(d => JsonValue.Create(d))]);
        }

        return request;
    }

    private async Task<Dictionary<string, JsonNode>> PostBatchAsync(JsonArray requests)
    {
        using var response = await PostRawAsync(new JsonObject { ["requests"] = requests }.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
    }

    private Task<HttpResponseMessage> PostRawAsync(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Raw.PostAsync(new Uri(StandIn.BaseUrl + "/$batch"), content);
    }

    /// <summary>The last handler of the SDK's chain: keeps each <c>$batch</c> body as it goes on the wire.</summary>
    private sealed class EnvelopeRecorder() : DelegatingHandler(new HttpClientHandler())
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) && request.Content is not null)
            {
                Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
